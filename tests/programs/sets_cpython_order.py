# Sets iterate and print in CPython's order: the table layout, probing,
# resizing and the set operations' copying all follow CPython's.


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def show(name, s):
    print(name, len(s), s)
    order = []
    for x in s:
        order.append(x)
    print(" ", order[:6], list(s)[-3:], sorted(list(s))[:3])


def ints(rng, n, spread):
    s = set()
    for i in range(n):
        s.add(rng.next(spread) - spread // 4)
    return s


def entry_point(argv):
    rng = Lcg(12345)
    # Collisions modulo the table size, negative numbers, big numbers.
    a = set()
    for x in [8, 16, 0, 24, 1, -1, -2, 2 ** 40, 2 ** 61, 2 ** 61 - 1, -(2 ** 62), 33, 65]:
        a.add(x)
    show("collide", a)
    x = 16
    show("display", {x, 1, 2, 3, 4})
    show("const display", {16, 1, 2, 3, 4})
    show("const display neg", {-1, 2, 3, 4, 32})
    show("small display", {32, 0})
    show("comprehension", {i * 7 % 40 for i in range(30)})
    show("set(list)", set([i * i for i in range(-20, 20)]))
    # Deletions leave dummies that later insertions reuse.
    b = set([i for i in range(50)])
    for i in range(0, 50, 3):
        b.discard(i)
    for i in range(100, 130):
        b.add(i)
    show("dummies reused", b)
    for i in range(40):
        b.discard(rng.next(140))
    b.add(1000)
    b.add(-1000)
    show("after discards", b)
    # The set operations, each with CPython's iteration and sizing.
    for round in range(6):
        p = ints(rng, 5 + rng.next(60), 200)
        q = ints(rng, 1 + rng.next(30), 200)
        show("p", p)
        show("q", q)
        show("p | q", p | q)
        show("q | p", q | p)
        show("p & q", p & q)
        show("q & p", q & p)
        show("p - q", p - q)
        show("q - p", q - p)
        r = p.copy()
        show("copy", r)
        r |= q
        show("|=", r)
        r -= ints(rng, 40, 200)
        show("-=", r)
        r &= p
        show("&=", r)
        r.update(q)
        show("update", r)
        r.clear()
        r.add(rng.next(100))
        show("clear add", r)
    # Big sets cross the 50000 growth threshold.
    big = set()
    for i in range(60000):
        big.add(i * 37 % 100003)
    n = 0
    first = []
    for x in big:
        if n < 12:
            first.append(x)
        n += 1
    print("big", n, first)
    smaller = big - set([i for i in range(0, 100003, 2)])
    first = []
    for x in smaller:
        if len(first) < 12:
            first.append(x)
    print("big -", len(smaller), first)
    # Floats (0.0 and -0.0 are one key), bools, tuples.
    print("floats", {1.5, -0.0, 0.25, 2.0, 1e300, -7.75, 3.0})
    f = set()
    for i in range(20):
        f.add(i / 4.0)
    f.add(0.0)
    f.discard(-0.0)
    print("float set", f)
    print("bools", {True, False})
    t = set()
    for i in range(12):
        t.add((i % 5, i // 5))
    t.discard((0, 0))
    print("tuples", t)
    print("tuple display", {(1, 2), (3, 4), (5, 6), (-1, 0)})
    print("nested", {((1, 2), 3), ((0, 0), -1), ((4, 5), 6)})
    # Constant displays copy: fold rules for operators and tuples.
    print("folded", {-1, 2 * 8, 3 + 0, 64 // 2} == {-1, 16, 3, 32}, {-1, 2 * 8, 3 + 0, 64 // 2})
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
