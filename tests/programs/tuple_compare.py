import sys


def entry_point(argv):
    a = (1, "b", 2.5)
    b = (1, "b", 3.0)
    print(a < b, a <= b, a > b, a >= b, a == b, a != b)
    print((1, 2) < (1, 2, 3), (1, 2, 3) < (1, 2), (1, 2) == (1, 2, 3), (1, 2) != (1, 2, 3))
    print((2, (1, "x")) < (2, (1, "y")), ((1, 2), 3) == ((1, 2), 3))
    print((True, 1) == (1, True), (1.0, 2) == (1, 2.0), (0.5,) < (1,))
    nan = float("nan")
    print((nan, 1) < (float("nan"), 2), (1, nan) == (1, float("nan")))
    pairs = [(3, "c"), (1, "z"), (3, "a"), (2, "m")]
    best = pairs[0]
    for p in pairs:
        if p > best:
            best = p
    print(best, sorted(pairs)[-1], sorted(pairs, reverse=True)[-1])
    e = ()
    print(e == (), e < (1,), (1,) > e)
    print(("a", None) == ("a", None))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
