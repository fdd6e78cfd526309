class Node(object):
    def __init__(self, v):
        self.v = v


def divmod2(a, b):
    return a // b, a % b


def minmax(xs):
    lo = xs[0]
    hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return (lo, hi)


def entry_point(argv):
    q, r = divmod2(17, 5)
    print(q, r)
    a, b = 1, 2
    a, b = b, a
    print(a, b)
    t = (1, 2.5, "x", None, Node(3), True)
    print(t[0], t[1], t[2], t[3], t[4].v, t[-1], len(t))
    lo, hi = minmax([5, 3, 9, 1, 7])
    print(lo, hi)
    pairs = [(i, i * i) for i in range(5)]
    s = 0
    for i, sq in pairs:
        s += i * sq
    print(s)
    x, y = [10, 20]
    print(x + y)
    try:
        x, y = [1, 2, 3]
    except ValueError as e:
        print("ValueError:", e)
    many = []
    for i in range(50000):
        many.append((Node(i), i))
    tot = 0
    for n, i in many:
        tot += n.v - i
    print(tot, len(many))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
