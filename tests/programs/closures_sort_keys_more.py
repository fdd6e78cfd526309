class Emp(object):
    def __init__(self, name, dept, pay):
        self.name = name
        self.dept = dept
        self.pay = pay


def rank_by(order, items):
    pos = {}
    for i, o in enumerate(order):
        pos[o] = i
    return sorted(items, key=lambda s: pos.get(s, len(order)))


def sort_by_distance(xs, center):
    def dist(v):
        d = v - center
        if d < 0:
            d = -d
        return d
    return sorted(xs, key=dist)


def multiplier_table(n):
    def row(i):
        return [i * j for j in range(1, n + 1)]
    return [row(i) for i in range(1, n + 1)]


def counter_words(text, minlen):
    def keep(w):
        return len(w) >= minlen
    counts = {}
    for w in text.split():
        if keep(w):
            counts[w] = counts.get(w, 0) + 1
    items = list(counts.items())
    items.sort(key=lambda kv: (-kv[1], kv[0]))
    return items


def apply_twice(f, x):
    return f(f(x))


def compose_offset(a):
    def inner(x):
        return x * 2 + a
    return inner


def entry_point(argv):
    print(rank_by(["high", "mid", "low"], ["low", "unknown", "high", "mid", "low", "zzz"]))
    print(sort_by_distance([1, 9, 4, 6, 5, 10, -2], 5))
    print(multiplier_table(4))
    print(counter_words("the cat and the hat and the bat sat on a mat the end", 3))
    emps = [Emp("ann", "eng", 120), Emp("bob", "ops", 90), Emp("cid", "eng", 95), Emp("dee", "ops", 90), Emp("eve", "hr", 70)]
    by = sorted(emps, key=lambda e: (e.dept, -e.pay, e.name))
    print([(e.dept, e.name, e.pay) for e in by])
    limit = 91
    under = [e.name for e in emps if e.pay < limit]
    print(under, sorted(emps, key=lambda e: e.pay - limit)[0].name)
    f = compose_offset(3)
    print(apply_twice(f, 1), apply_twice(compose_offset(-1), 10))
    base = 100
    shifted = [v + base for v in [1, 2, 3]]
    print(shifted)
    names = ["bob", "Ann", "cid", "Dee"]
    ci = sorted(names, key=lambda s: s.lower())
    rev = sorted(names, key=lambda s: s[::-1], reverse=True)
    print(ci, rev, max(names, key=lambda s: s.lower()), min(names, key=lambda s: s[-1]))
    fl = [0.3, -1.7, 2.2, -0.1]
    print(sorted(fl, key=lambda v: abs(v)), sorted(fl, key=lambda v: -v))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
