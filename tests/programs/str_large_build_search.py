def make_text(n):
    parts = []
    for i in range(n):
        parts.append("line %d: %s" % (i, "ab" * (i % 7) + "é" * (i % 3)))
    return "\n".join(parts)


def entry_point(argv):
    text = make_text(5000)
    print(len(text), text.count("\n"), text.count("ab"), text.count("é"), text.count("abab"))
    lines = text.splitlines()
    print(len(lines), lines[0], lines[-1], lines[2500])
    print(text.find("line 4999"), text.rfind("line 1:"), text.find("zzz"), text.index("é"), text.rfind("é"))
    r = text.replace("ab", "X")
    print(len(r), r.count("X"), r[:60].replace("\n", "/"))
    r2 = text.replace("\n", "", 10)
    print(len(text) - len(r2), r2[:80])
    up = text.upper()
    print(up.count("AB"), up[-20:], up.lower() == text)
    words = text.split()
    print(len(words), words[:6], len(set(words)))
    pieces = text.split("line ")
    print(len(pieces), repr(pieces[0]), repr(pieces[1]))
    stripped = [ln.strip("é").rstrip("ab") for ln in lines[:10]]
    print(stripped)
    rev = text[::-1]
    print(rev[:30], rev.find("enil"), len(rev) == len(text))
    acc = []
    for i in range(2000):
        acc.append(chr(ord("a") + i % 26))
    s = "".join(acc)
    print(len(s), s[:30], s.count("abc"), s.find("xyz"), s.rfind("zab"))
    hits = 0
    pos = s.find("q")
    while pos != -1:
        hits += 1
        pos = s.find("q", pos + 1)
    print(hits)
    big = "ab" * 100000
    print(len(big), big.count("ba"), big.find("bb"), big.endswith("ab"), big[99999:100003], len(big.split("b")))
    centered = "|".join([str(i).center(7, ".") for i in range(0, 1000, 97)])
    print(centered)
    z = [str(i).zfill(5) + str(i).rjust(4) + str(i).ljust(4) + "|" for i in range(0, 100000, 9999)]
    print(" ".join(z))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
