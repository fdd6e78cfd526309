class C(object):
    def __init__(self, v):
        self.v = v


def k(i):
    return "k" + str(i)


def entry_point(argv):
    d = {}
    for i in range(5):
        d[k(i)] = C(i)
    print([(kk, c.v) for kk, c in d.items()])
    e = {C(1): C(2), C(3): C(4)}
    print(sorted([a.v * 10 + b.v for a, b in e.items()]))
    lst = [C(7)] * 3
    lst[len(str(C(0).v))] = C(8)
    print([c.v for c in lst])
    t = (C(1), [C(2)], {"x": C(3)}, "s" + str(len(argv)))
    print(t[0].v, t[1][0].v, t[2]["x"].v, t[3])
    s = f"{str(1) + str(2)}-{[str(i) for i in range(3)]}-{C(5).v}-{'x' * 3}"
    print(s)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
