# < <= > >= between lists (numbers, strings, bools, nested lists; NaN and -0.0), as CPython.
def entry_point(argv):
    print([1, 2] < [1, 3], [1, 2] <= [1, 2], [1, 2, 0] > [1, 2], [2] >= [1, 9])
    print([] < [1], [1] < [], [] <= [], [0] > [])
    print(["b"] > ["a", "z"], ["abc"] < ["abd"], ["é"] > ["e"])
    print([0.5, 1.0] < [0.5, 2.0], [-0.0] < [0.0], [-0.0] <= [0.0])
    nan = float("nan")
    print([nan] < [1.0], [nan] > [1.0], [1.0, nan] <= [1.0, 2.0])
    print([[1, 2], [3]] < [[1, 2], [4]], [[1]] < [[1], []], [[2]] > [[1, 5]])
    print([True, False] < [True, True], [False] >= [False])
    rows = [[3, 1], [1, 2], [1, 1], [2, 9]]
    best = rows[0]
    for r in rows:
        if r < best:
            best = r
    print(best)
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
