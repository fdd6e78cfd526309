import sys

SCALE = 3
BY_SECOND = lambda pair: pair[1]


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def sorted_coords(self, others):
        return sorted(others, key=lambda p: p.x * 100 + p.y)


def apply_twice(f, x):
    return f(f(x))


def outer(n):
    def square(v):
        return v * v

    def fact(k):
        if k <= 1:
            return 1
        return k * fact(k - 1)

    total = 0
    for i in range(n):
        total += square(i)
    return total, fact(n)


def entry_point(argv):
    pairs = [("a", 3), ("b", 1), ("c", 2)]
    print(sorted(pairs, key=lambda p: p[1]))
    print(sorted(pairs, key=BY_SECOND, reverse=True))
    words = ["kiwi", "fig", "banana"]
    words.sort(key=lambda w: (len(w), w))
    print(words)
    print(max(words, key=lambda w: len(w)), min(words, key=lambda w: w[-1]))
    print(outer(5))
    inc = lambda x: x + SCALE
    print(inc(4), apply_twice(inc, 10))
    pts = [Point(2, 1), Point(1, 5), Point(1, 2)]
    print([(p.x, p.y) for p in pts[0].sorted_coords(pts)])
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
