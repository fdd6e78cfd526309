def entry_point(argv):
    nan = float("nan")
    xs = [3.0, nan, 1.0, 2.0, nan, 0.5]
    print(sorted(xs))
    print(sorted(xs, reverse=True))
    print(max(xs), min(xs), max([nan, 1.0]), min([nan, 1.0]), max([1.0, nan]), min([1.0, nan]))
    print(max(1.0, nan), min(nan, 1.0), max(nan, 1.0), min(1.0, nan))
    ys = [2.0, -0.0, 0.0, -0.0]
    print(sorted(ys), max(ys), min(ys), max(0.0, -0.0), max(-0.0, 0.0), min(0.0, -0.0))
    print(sorted([(1.0, "b"), (nan, "a"), (0.0, "c")], key=lambda t: t[1]))
    print(nan == nan, nan != nan, nan < 1.0, nan >= nan)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
