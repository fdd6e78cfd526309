class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


ORIGIN = Point(0, 0)
NAMES = ["a", "b", "c"]
TABLE = []
for i in range(5):
    TABLE.append(i * i)
COUNT = len(TABLE)
TOTAL = 0
for v in TABLE:
    TOTAL += v
PAIRS = [(1, "one"), (2, "two")]


class Counter:
    def __init__(self):
        self.n = 0


counter = Counter()


def bump():
    counter.n += 1
    return counter.n


def entry_point(argv):
    print(ORIGIN.norm1(), NAMES[1], COUNT, TOTAL)
    for k in range(3):
        bump()
    print(counter.n)
    TABLE.append(99)
    print(len(TABLE), TABLE[-1])
    junk = []
    for k in range(100000):
        junk.append(Point(k, k))
    NAMES.append("d")
    print(len(NAMES), PAIRS[1][0])
    ORIGIN.x = 7
    print(ORIGIN.norm1())
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
