class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def squares(n):
    return [i * i for i in range(n)]


def evens(xs):
    return [x for x in xs if x % 2 == 0]


def total(xs):
    s = 0
    for x in xs:
        s += x
    return s


def ftotal(xs):
    s = 0.0
    for x in xs:
        s += x
    return s


def entry_point(argv):
    a = [3, 1, 4, 1, 5, 9, 2, 6]
    print(len(a), a[0], a[-1], a[3])
    a.append(5)
    a[0] = 10
    print(total(a), len(a))
    b = a[2:5]
    print(len(b), b[0], b[-1])
    c = a[::-1]
    print(c[0], c[1], c[-1])
    print(a.pop(), a.pop(0), len(a))
    a.insert(2, 77)
    print(a[2], a.index(77), a.count(1), 9 in a, 100 in a, 100 not in a)
    a.remove(77)
    a.sort()
    print(a[0], a[1], a[-1])
    a.reverse()
    print(a[0])
    sq = squares(10)
    print(total(sq), total(evens(sq)))
    z = [0] * 5
    z[2] = 7
    print(total(z), len(z * 3), len([1, 2] + [3]))
    fl = [0.5, 1.5, 2.25]
    print(ftotal(fl))
    pts = [Point(i, i * 2) for i in range(1000)]
    s = 0
    for p in pts:
        s += p.x + p.y
    print(s)
    bools = [True, False, True]
    print(bools[0], bools[1], len(bools))
    names = ["bob", "alice", "carol"]
    names.sort()
    print(names[0], names[1], names[2], "alice" in names)
    grid = [[0] * 3 for i in range(3)]
    grid[1][2] = 5
    print(grid[1][2], grid[0][2], len(grid))
    empty = []
    for i in range(5):
        empty.append(float(i))
    print(ftotal(empty))
    ll = []
    for i in range(100000):
        ll.append(Point(i, 0))
    print(len(ll), ll[99999].x)
    cp = a.copy()
    cp.clear()
    print(len(cp), len(a))
    ext = [1, 2]
    ext.extend([3, 4])
    print(len(ext), ext[3])
    if ext:
        print("non-empty")
    try:
        print(ext[10])
    except IndexError as e:
        print("IndexError:", e)
    try:
        [].pop()
    except IndexError as e:
        print("IndexError:", e)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
