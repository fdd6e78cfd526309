class Box(object):
    def __init__(self, label, size):
        self.label = label
        self.size = size


def entry_point(argv):
    xs = [3, -7, 12, 0, 5, -7, 12]
    fs = [2.5, -1.25, 9.75, 0.0]
    ws = ["pear", "fig", "banana", "kiwi", "apple"]
    print(len(xs), min(xs), max(xs), sum(xs), min(fs), max(fs), sum(fs), min(ws), max(ws))
    print(min(3, 9), max(3, 9), min(-1.5, 2.0), min(-3, 2), max(-1.5, -2.0))
    print(min(xs, key=lambda v: abs(v)), max(xs, key=lambda v: v % 5), min(ws, key=lambda w: len(w)), max(ws, key=lambda w: len(w)))
    print(sum([]), sum([True, True, False]))
    print(sum(list(range(101))), sum(list(range(10, 0, -3))), sum([x * x for x in range(5)]))
    print(sum(x for x in xs if x > 0), max(len(w) for w in ws), min(x * 2 for x in xs))
    boxes = [Box("a", 3), Box("b", 9), Box("c", 1), Box("d", 9)]
    print(max(boxes, key=lambda b: b.size).label, min(boxes, key=lambda b: b.size).label)
    print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any([False]), all([True, True]))
    print(any(x > 10 for x in xs), all(x > -10 for x in xs), any(w.startswith("k") for w in ws))
    print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(False), abs(-9223372036854775807))
    try:
        print(min([]))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(max([]))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(max(x for x in xs if x > 100))
    except ValueError as e:
        print("ValueError", e)
    print(sorted(xs), sorted(xs, reverse=True), sorted(ws, key=lambda w: w[::-1]))
    print(isinstance(boxes[0], Box))
    print(len("hello"), len([]), len({1: 2}), len({3}), len((1, 2, 3)), len(list(range(10))), len(list(range(10, 0, -3))), len(b"ab"))
    print(bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]), bool(0.0), bool({}))
    print(list(range(5)), list(range(2, 8, 2)), list(range(5, -5, -3)), list(range(0)), list(range(3, 3)))
    print(list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed("abc")))
    print(list(enumerate(ws, 1)), list(enumerate(list("ab"), 10)), list(zip(xs, ws)), list(zip("ab", [1, 2, 3])))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
