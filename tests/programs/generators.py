import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def pairs(items):
    prev = None
    for x in items:
        if prev is not None:
            yield prev + x
        prev = x


def checked(items):
    for x in items:
        if x < 0:
            raise ValueError("negative: %d" % x)
        yield x


def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i


class Tree(object):
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right


def walk(t):
    # Recursion through nested generators.
    if t.left is not None:
        for v in walk(t.left):
            yield v
    yield t.value
    if t.right is not None:
        for v in walk(t.right):
            yield v


def entry_point(argv):
    g = count_up(3)
    print(next(g), next(g), next(g), next(g, -1), next(g, -2))
    it = iter(count_up(2))
    print(next(it))
    print(list(count_up(5)), sum(count_up(5)), sorted(pairs(["b", "a", "c"])))
    print(max(count_up(7)), set(count_up(3)) == {0, 1, 2})
    print(list(early(10)))
    try:
        for v in checked([1, 2, -3, 4]):
            print("got", v)
    except ValueError as e:
        print("error:", e)
    g2 = checked([5, -1])
    print(next(g2))
    try:
        next(g2)
    except ValueError as e:
        print("raised", e)
    print(next(g2, 99))
    t = Tree(4, Tree(2, Tree(1, None, None), Tree(3, None, None)), Tree(6, None, Tree(7, None, None)))
    print(list(walk(t)))
    try:
        next(count_up(0))
    except StopIteration:
        print("stop")
    n = 0
    for a in count_up(3):
        for b in count_up(a):
            n += a * 10 + b
    print(n)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
