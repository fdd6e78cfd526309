"""Writes a synthetic restricted-Python program of about N lines, to measure
how translation time and memory grow with program size (`make bench`
reports 1k, 10k and 100k lines): one class and one function per 40 lines,
methods calling each other, lists and dicts, chains of calls between the
functions, and an entry_point calling every function.

    python3 bench/gen_scaling.py 10000 > /tmp/s10k.py
"""
import sys


def gen(n_lines):
    out = ["import sys", ""]
    n_units = max(1, n_lines // 40)
    for u in range(n_units):
        out += [
            "class Shape%d(object):" % u,
            "    def __init__(self, x, y):",
            "        self.x = x",
            "        self.y = y",
            "        self.tag = 'shape%d'" % u,
            "",
            "    def area(self):",
            "        return self.x * self.y + %d" % u,
            "",
            "    def grow(self, k):",
            "        self.x += k",
            "        self.y += k * 2",
            "        return self.area()",
            "",
            "",
            "def work%d(n):" % u,
            "    items = []",
            "    table = {}",
            "    s = Shape%d(n, %d)" % (u, u % 7),
            "    for i in range(n):",
            "        v = s.grow(i % 3)",
            "        items.append(v)",
            "        table[i] = v %% %d" % (u + 2),
            "        if v > 1000:",
            "            v = v // 2",
            "        elif v < 0:",
            "            v = -v",
            "    total = 0",
            "    for x in items:",
            "        total += x",
            "    for k in table:",
            "        total += table[k]",
        ]
        if u > 0:
            out.append("    total += work%d(n // 2 + 1)" % (u - 1) if u % 10 else "    total += 1")
        out += ["    return total % 1000003", "", ""]
    out += ["def entry_point(argv):", "    total = 0"]
    for u in range(0, n_units):
        out.append("    total += work%d(3)" % u)
    out += ["    print(total)", "    return 0", "", "",
            "def target(*args):", "    return entry_point, None", "", "",
            "if __name__ == '__main__':", "    sys.exit(entry_point(sys.argv))"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(gen(int(sys.argv[1])))
