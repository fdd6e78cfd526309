import sys


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def closest(self, others):
        return min(others, key=lambda p: abs(p.x - self.x) + abs(p.y - self.y))


def make_scaler(k):
    return lambda v: v * k


def count_below(items, limit):
    def below(v):
        return v < limit
    n = 0
    for it in items:
        if below(it):
            n += 1
    return n


def fact_mod(n, m):
    def f(k):
        if k <= 1:
            return 1
        return (k * f(k - 1)) % m
    return f(n)


def apply(fn, x):
    return fn(x)


def nested(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner(10)
    return middle(100)


def helpers(n):
    def sq(v):
        return v * v

    def sum_sq(k):
        return sum([sq(i) for i in range(k)]) + n
    return sum_sq(n)


def adders(base):
    fs = []
    add = lambda v: v + base
    fs.append(add)
    fs.append(add)
    return fs


def counter_after_loop(items):
    total = 0
    for v in items:
        total += v
    # Assigned only before the definition, in a loop that has ended.
    return lambda scale: total * scale


def ranked(words, weights):
    best = max(words, key=lambda w: (weights[w], w))
    worst = min(words, key=lambda w: (weights[w], w))
    return best, worst


def by_distance(items, center):
    items.sort(key=lambda v: abs(v - center))
    return items


def ordered(words, weights):
    # A key closure whose captured dict grows while the sort allocates.
    return sorted(words, key=lambda w: (-weights[w], w + "!" * weights[w]))


def entry_point(argv):
    pts = [Point(0, 0), Point(5, 5), Point(2, 3)]
    c = Point(4, 4).closest(pts)
    print(c.x, c.y)
    s = make_scaler(3)
    print(s(7), apply(s, 2), apply(make_scaler(10), 5))
    print(count_below([1, 5, 9, 2, 7], 6))
    print(fact_mod(20, 1000007))
    print(nested(1))
    word = "hello"
    prefix = "say: "
    greet = lambda: prefix + word
    print(greet())
    print(helpers(4))
    total = 0
    for f in adders(7):
        total += f(1)
    print(total)
    print(counter_after_loop([1, 2, 3])(10))
    print(by_distance([1, 9, 4, 6, 5, 10], 5))
    print(ordered(["a", "b", "c", "d"], {"a": 1, "b": 3, "c": 3, "d": 2}))
    print(ranked(["a", "b", "c", "d"], {"a": 1, "b": 3, "c": 3, "d": 2}))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
