import sys


class Item(object):
    def __init__(self, n):
        self.n = n


def show(items):
    return [i.n for i in items]


def entry_point(argv):
    a = list(range(10))
    a[2:5] = [20, 30]
    print(a)
    a[:0] = [-1, -2, -3]
    print(a)
    a[len(a):] = [99]
    print(a)
    a[::2] = [0] * len(a[::2])
    print(a)
    a[1:3] = a
    print(a, len(a))
    del a[::3]
    print(a)
    del a[-2:]
    print(a)
    del a[5:2]
    print(a)
    del a[::-2]
    print(a)
    b = [1, 2, 3, 4, 5, 6]
    b[5:1:-2] = [50, 30]
    print(b)
    try:
        b[::2] = [1, 2]
    except ValueError as e:
        print("ValueError:", e)
    try:
        del b[::0]
    except ValueError as e:
        print("ValueError:", e)
    words = ["a", "b", "c", "d"]
    words[1:3] = ["x", "y", "z"]
    del words[0]
    print(words)
    objs = [Item(i) for i in range(6)]
    objs[1:4] = [Item(100 + i) for i in range(5)]
    del objs[::4]
    print(show(objs))
    big = []
    for i in range(1000):
        big[len(big):] = [Item(i)]
        if i % 7 == 0:
            del big[:1]
    print(len(big), big[0].n, big[-1].n)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
