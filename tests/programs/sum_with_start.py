# sum(items, start): in order from the start, as CPython 3.11 adds.
def entry_point(argv):
    print(sum([1, 2, 3], 10))
    print(sum([1.5, 2.5], 0.5))
    print(sum([0.1, 0.2, 0.3], 1))
    print(sum([0.1] * 10, 1e16))
    print(sum([], 7), sum([], 2.5))
    print(sum([True, False, True], 5))
    print(sum([1, 2], True))
    xs = [1e16, 1.0, -1e16]
    print(sum(xs, 0.0), sum(xs, 1.0))
    return 0

if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
