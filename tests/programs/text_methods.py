# str(), repr(), print, %-formatting, f-strings and str.format of
# instances whose classes define __str__ and/or __repr__.


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


class Shape(object):
    def __init__(self, name):
        self.name = name

    def __str__(self):
        return "a shape called " + self.name

    def __repr__(self):
        return "Shape(%r)" % self.name


class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r

    def __str__(self):
        return "a circle of radius %s" % self.r


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

    def __str__(self):
        rest = self.next
        if rest is None:
            return str(self.value)
        return str(self.value) + " -> " + str(rest)


def entry_point(argv):
    p = Point(1, -2)
    print(p)
    print(str(p), repr(p))
    print("%s | %r | %10s|" % (p, p, p))
    print(f"{p} {p!r} {p!s}|")
    print("{} and {}".format(p, p))
    shapes = [Shape("blob"), Circle(2.5)]
    for s in shapes:
        print(s)
        print(repr(s), "%s" % s)
        print(f"<{s}> <{s!r}>")
    n = Node(1, Node(2, Node(3, None)))
    print(n)
    print("list: " + ", ".join([str(x) for x in shapes]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
