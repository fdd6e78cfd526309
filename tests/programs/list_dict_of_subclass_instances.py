class Shape(object):
    def area(self):
        return 0.0

    def name(self):
        return "shape"


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s

    def name(self):
        return "sq"


class Circ(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.0 * self.r * self.r

    def name(self):
        return "circ"


def gen_shapes(n):
    for i in range(n):
        if i % 2 == 0:
            yield Sq(float(i))
        else:
            yield Circ(float(i))


def entry_point(argv):
    shapes = [Sq(2.0), Circ(1.0), Sq(3.0)]
    shapes.append(Circ(0.5))
    shapes.append(Shape())
    print([s.name() for s in shapes], [s.area() for s in shapes])
    print(sum([s.area() for s in shapes]), max(shapes, key=lambda s: s.area()).name())
    sqs = [s for s in shapes if isinstance(s, Sq)]
    print(len(sqs), [s.s for s in sqs])
    by_name = {}
    for s in shapes:
        by_name[s.name()] = s
    print(sorted(list(by_name.keys())), by_name["sq"].area())
    ordered = sorted(shapes, key=lambda s: (s.name(), s.area()))
    print([(s.name(), s.area()) for s in ordered])
    a, b, c = shapes[0], shapes[1], shapes[2]
    for x in (a, b, c):
        print(x.name())
    print("sq" in ("sq", "circ"), "x" in ("sq", "circ"))
    print([s.name() for s in gen_shapes(4)], sum(s.area() for s in gen_shapes(5)))
    maybe = None
    for s in shapes:
        if s.area() > 5.0:
            maybe = s
    if maybe is not None:
        print("big", maybe.name(), maybe.area())
    st = set(shapes)
    print(len(st), shapes[0] in st, Sq(2.0) in st)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
