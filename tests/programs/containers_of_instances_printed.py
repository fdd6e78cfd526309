# Lists, tuples, dicts and sets of instances print through the items'
# __repr__ (also str(), f-strings and %-formatting of the containers),
# with subclasses' overrides, None items, nesting, and __repr__ methods
# that allocate (the collector runs while a container is being shown).


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)


class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

    def __repr__(self):
        return "Point3(%d, %d, %d)" % (self.x, self.y, self.z)


class Node:
    def __init__(self, name, children):
        self.name = name
        self.children = children

    def __repr__(self):
        # A container of instances inside a __repr__: the runtime calls
        # back into it recursively.
        if len(self.children) == 0:
            return self.name
        return "%s%s" % (self.name, self.children)


class Loud:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        if self.n < 0:
            raise ValueError("negative: %d" % self.n)
        return "Loud" + "!" * self.n


class Key:
    # Its __repr__ empties the dict being shown: the value shown with it
    # was read first, as CPython does.
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        holder[0].clear()
        return "K%d" % self.n


holder = []
grower = []


class Grows:
    # Its __repr__ adds to the set being shown: CPython shows the items
    # the set had when printing began.
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        s = grower[0]
        if len(s) < 6:
            s.add(Grows(self.n + 10))
        return "G%d" % self.n


def build(depth):
    if depth == 0:
        return Node("leaf", [])
    return Node("n%d" % depth, [build(depth - 1), build(depth - 1)])


def entry_point(argv):
    pts = [Point(1, 2), Point3(3, 4, 5), Point(-1, 0)]
    print(pts)
    print(pts[0], pts[1])
    print(str(pts), repr(pts))
    print(f"{pts}")
    print("%s and %r" % (pts[:1], pts[1:]))
    maybe = [Point(0, 0), None]
    print(maybe)
    pair = (Point(7, 8), "label", 3)
    print(pair)
    table = {"a": Point(1, 1), "b": Point3(2, 2, 2)}
    print(table)
    by_point = {1: [Point(5, 5)], 2: []}
    print(by_point)
    print(build(3))
    # Many allocations while one container is shown.
    big = [Point(i, i * i) for i in range(2000)]
    text = str(big)
    print(len(text), text[:60], text[-30:])
    nested = [[Point(i, j) for j in range(3)] for i in range(3)]
    print(nested)
    try:
        print([Loud(2), Loud(-1), Loud(3)])
    except ValueError as e:
        print("ValueError:", e)
    print([Loud(1), Loud(0)])
    d = {}
    for i in range(50):
        d[Key(i)] = [i, i + 1]
    holder.append(d)
    print(d)
    print(len(d))
    g = {Grows(1)}
    grower.append(g)
    print(g)
    print(len(g))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
