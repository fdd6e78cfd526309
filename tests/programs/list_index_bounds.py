# list.index(x, start, stop) with CPython's bounds (negative ones count
# from the end, past the end is clamped) and its "is not in list" error.


def try_index(items, x, start, stop):
    try:
        return items.index(x, start, stop)
    except ValueError as e:
        print("ValueError:", e)
        return -1


def entry_point(argv):
    l = [5, 3, 5, 7, 5, 3]
    print(l.index(5), l.index(5, 1), l.index(5, 3), l.index(3, -2), l.index(5, -10))
    print(l.index(7, 0, 4), l.index(5, 1, -1), l.index(3, 2, 100))
    for start in range(-8, 8):
        row = []
        for stop in range(-8, 8):
            row.append(try_index(l, 5, start, stop))
        print(start, row)
    words = ["a", "b", "a"]
    print(words.index("a", 1), words.index("b", -2, -1))
    print(l.index(3, True))
    print(l.index(9, 0, len(argv)))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
