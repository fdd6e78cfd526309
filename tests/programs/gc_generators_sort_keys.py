class C(object):
    def __init__(self, v):
        self.v = v


def gen():
    yield "a" + "b" * 2


def cgen(n):
    for i in range(n):
        yield C(i)


def entry_point(argv):
    g = gen()
    print(next(g), next(g, "dflt"))
    h = cgen(1)
    x = next(h)
    print(x.v)
    hs = list(cgen(5))
    print([c.v for c in hs], max(cgen(4), key=lambda c: c.v).v, sorted(cgen(3), key=lambda c: -c.v)[0].v)
    ss = sorted(["b" + str(i) for i in range(5)], key=lambda s: s[::-1] + "x")
    print(ss)
    zs = [(str(i), C(i)) for i in range(4)]
    print([a + str(b.v) for a, b in zs])
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
