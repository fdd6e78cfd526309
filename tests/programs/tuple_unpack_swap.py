class P(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def minmax(xs):
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def stats(xs):
    total = 0
    for x in xs:
        total += x
    return (len(xs), total, total / len(xs), "ok")


def nested():
    return ((1, 2), ("a", 3.5))


def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b


def entry_point(argv):
    a, b = 1, 2
    a, b = b, a
    print(a, b)
    x, y, z = "xyz".split("y") + ["!"]
    print(x, y, z)
    p, q = [10, 20]
    print(p, q)
    (c, d), e = (3, 4), 5
    print(c, d, e)
    lo, hi = minmax([4, -2, 9, 0])
    print(lo, hi)
    n, tot, mean, tag = stats([1, 2, 3, 4])
    print(n, tot, mean, tag)
    t = stats([5, 5])
    print(t, t[0], t[-1], t[2], len(t))
    (i1, i2), (s1, f1) = nested()
    print(i1, i2, s1, f1, nested())
    print(fib_pair(10), fib_pair(50))
    pairs = [(1, "one"), (2, "two"), (3, "three")]
    for num, name in pairs:
        print(num, name)
    for idx, (num, name) in enumerate(pairs):
        print(idx, num, name)
    triples = [(1, 2.5, "a"), (2, -1.0, "b")]
    for i, f, s in triples:
        print(i * 2, f * 2, s * 2)
    pts = [P(1, 2), P(3, 4)]
    for pt in pts:
        pt.x, pt.y = pt.y, pt.x
    print([(pt.x, pt.y) for pt in pts])
    lst = [1, 2, 3]
    lst[0], lst[2] = lst[2], lst[0]
    print(lst)
    i = 0
    j = 2
    lst[i], lst[j] = lst[j], lst[i]
    print(lst)
    u = (1,)
    v = ()
    w = (1, 2, 3)
    print(u, v, w, len(v), 2 in w, 9 in w)
    print((1, 2) == (1, 2), (1, 2) != (1, 3), (1, 2) < (1, 3), (2,) > (1, 9), (1, 2) <= (1, 2, 0))
    print(("a", 1) < ("a", 2), ("b", 0) > ("a", 9), (1.5, "x") >= (1.5, "x"))
    nt = ((1, (2, 3)), (4, (5, 6)))
    print(nt[1][1][0], nt[0], nt)
    for (aa, (bb, cc)) in [nt[0], nt[1]]:
        print(aa + bb + cc)
    d = {(0, 0): "origin", (1, 0): "east"}
    for (kx, ky), dv in d.items():
        print(kx, ky, dv)
    try:
        bad1, bad2 = [1, 2, 3]
        print(bad1, bad2)
    except ValueError as ex:
        print("ValueError", ex)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
