# args: 3
"""Polymorphic shapes: float areas and perimeters through virtual calls, a Square that specialises Rect through super().__init__, class-constant names and side counts per subclass, scaling that mutates instances, and the largest shape returned from a function."""
import sys

PI = 3.141592653589793


class Shape(object):
    NAME = "shape"
    SIDES = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def area(self):
        return 0.0

    def perimeter(self):
        return 0.0

    def scale(self, k):
        pass

    def move(self, dx, dy):
        self.x += dx
        self.y += dy

    def describe(self):
        print(self.NAME, self.SIDES, "at", self.x, self.y, "area", self.area(), "perimeter", self.perimeter())


class Rect(Shape):
    NAME = "rect"
    SIDES = 4

    def __init__(self, x, y, w, h):
        Shape.__init__(self, x, y)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2.0 * (self.w + self.h)

    def scale(self, k):
        self.w *= k
        self.h *= k


class Square(Rect):
    NAME = "square"

    def __init__(self, x, y, side):
        super().__init__(x, y, side, side)

    def diagonal(self):
        return self.w * 1.4142135623730951


class Circle(Shape):
    NAME = "circle"

    def __init__(self, x, y, r):
        super().__init__(x, y)
        self.r = r

    def area(self):
        return PI * self.r * self.r

    def perimeter(self):
        return 2.0 * PI * self.r

    def scale(self, k):
        self.r = self.r * k


class Triangle(Shape):
    NAME = "triangle"
    SIDES = 3

    def __init__(self, x, y, a, b, c):
        super().__init__(x, y)
        self.a = a
        self.b = b
        self.c = c

    def perimeter(self):
        return self.a + self.b + self.c

    def area(self):
        s = self.perimeter() / 2.0
        q = s * (s - self.a) * (s - self.b) * (s - self.c)
        # Newton's square root, to stay inside the subset
        if q <= 0.0:
            return 0.0
        r = q
        for i in range(60):
            r = 0.5 * (r + q / r)
        return r

    def scale(self, k):
        self.a *= k
        self.b *= k
        self.c *= k


def make(kind, i):
    f = float(i)
    if kind == 0:
        return Rect(i, -i, 1.5 + f, 2.0)
    if kind == 1:
        return Square(i, i, 0.5 + f)
    if kind == 2:
        return Circle(0, i, 1.0 + f / 4.0)
    if kind == 3:
        return Triangle(i, 0, 3.0 + f, 4.0 + f, 5.0 + f)
    return Shape(i, i)


def largest(a, b):
    if b.area() > a.area():
        return b
    return a


def entry_point(argv):
    k = int(argv[1])
    total = 0.0
    best = make(4, 0)
    sq = Square(0, 0, 1.0)
    squares = 0
    for i in range(10):
        s = make(i % 5, i)
        s.describe()
        total += s.area()
        best = largest(best, s)
        if isinstance(s, Square):
            print("  a square")
            squares += 1
        elif isinstance(s, Rect):
            print("  a rect")
    print("squares", squares, "total area", total)
    print("largest is", best.NAME, best.area())
    for i in range(10):
        s = make(i % 5, i)
        s.scale(float(k))
        s.move(k, -k)
        total -= s.area() / float(k * k)
    print("residual", total < 1e-9 and total > -1e-9)
    sq.scale(2.0)
    sq.move(1, 1)
    sq.describe()
    print("diagonal", sq.diagonal())
    print("is rect", isinstance(sq, Rect), "is circle", isinstance(sq, Circle), "is shape", isinstance(sq, Shape))
    plain = Shape(7, 8)
    plain.scale(3.0)
    plain.describe()
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
