class P(object):
    def __init__(self, x):
        self.x = x


def entry_point(argv):
    a = [1, 2, 3]
    b = [i + 1 for i in range(3)]
    print(a == b, a != b, a == [1, 2], [] == [], a == [1, 2, 4])
    f = [0.5, -0.0]
    print(f == [0.5, 0.0], f != [0.5, 0.0])
    s = ["x", "y" + str(len(argv))]
    print(s == ["x", "y1"], s == ["x", "y"])
    p = P(1)
    print([p, p] == [p, p], [p] == [P(1)])
    print([True, False] == [True, False], [None] == [None])
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
