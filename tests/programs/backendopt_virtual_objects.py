# Objects and tuples that malloc removal replaces by their fields, and
# the cases where it must keep them: aliases, joins, try blocks, escapes.


class Box(object):
    def __init__(self, v):
        self.v = v


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Point(self.x + o.x, self.y + o.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Line(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def length1(self):
        return self.b.add(Point(-self.a.x, -self.a.y)).norm1()


class Shape(object):
    def area(self):
        return 0


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Empty(object):
    pass


def bump(b, other):
    b.v = b.v + 1
    return other.v


def twice(n):
    b = Box(n)
    return bump(b, b)


def pick(n, flag):
    a = Box(n)
    c = Box(n * 2)
    if flag:
        a = c
    c.v = 100
    return a.v


def walk(n):
    p = Point(0, 0)
    for i in range(n):
        p = p.add(Point(1, i))
    return p.x * 1000 + p.y


def accumulate(n):
    acc = Box(0)
    for i in range(n):
        acc.v += i * i
    return acc.v


def divmod_pair(a, b):
    return a // b, a % b


def swap_sum(n):
    a, b = divmod_pair(n, 7)
    a, b = b, a
    return a * 100 + b


def in_try(k):
    b = Box(0)
    try:
        b.v = 1
        x = 10 // k
        b.v = 2
        return b.v + x
    except ZeroDivisionError:
        return b.v - 100


def maybe(n):
    p = None
    if n > 2:
        p = Point(n, n)
    if p is not None:
        return p.x
    return -1


def same(n):
    a = Box(n)
    b = a
    if n > 3:
        b = Box(n)
    return a is b


def kinds(n):
    total = 0
    for i in range(n):
        if i % 2 == 0:
            s = Square(i)
        else:
            s = Rect(i, 2)
        total += s.area()
        if isinstance(s, Square):
            total += 1
    return total


def unread(n):
    e = Empty()
    b = Box(n)
    b.v = n * 3
    return n


def kept(n):
    boxes = []
    for i in range(n):
        b = Box(i)
        boxes.append(b)
        b.v = i * 2
    return boxes[-1].v


def raise_box(n):
    if n > 1:
        raise ValueError("bad box %d" % n)
    return Box(n).v


def entry_point(argv):
    n = len(argv)
    print(twice(n), twice(5))
    print(pick(1, n > 1), pick(1, n > 5), pick(3, True))
    print(walk(10), walk(0))
    print(accumulate(20))
    print(swap_sum(100), swap_sum(n))
    print(in_try(5), in_try(0), in_try(n - 1))
    print(maybe(1), maybe(5))
    print(same(1), same(5))
    print(kinds(9))
    print(unread(7))
    print(kept(6))
    print(Line(Point(1, 2), Point(4, -2)).length1())
    try:
        raise_box(n + 3)
    except ValueError as e:
        print("caught ValueError")
    print(raise_box(1))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
