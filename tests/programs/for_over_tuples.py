# `for` over tuples held in variables (items of one type): the loop reads
# the item at its index.


class Shape:
    def area(self):
        return 0.0


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.0 * self.r * self.r


def total(t):
    s = 0
    for x in t:
        s += x
    return s


def entry_point(argv):
    ints = (4, 5, 6)
    for i in ints:
        print(i)
    print(total((7, 8)), total((1, 2)))
    floats = (0.5, 1.25, -2.0)
    print(sum([f * 2 for f in floats]))
    names = ("ada", "bob", "cy")
    print([n.upper() for n in names], [len(n) for n in names])
    shapes = (Square(2.0), Circle(1.0), Square(0.5))
    for sh in shapes:
        print(sh.area())
    flags = (True, False, True)
    print([not b for b in flags])
    pairs = ((1, "one"), (2, "two"))
    for n, word in pairs:
        print(n, word)
    for k, v in enumerate(names):
        print(k, v)
    it = iter((10, 20, 30))
    print(next(it), next(it), list(it))
    empty = ()
    for e in empty:
        print("never", e)
    big = (0, 1, 4, 9, 16)
    print(max([x for x in big]), 9 in big)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
