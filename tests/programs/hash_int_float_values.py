def entry_point(argv):
    for n in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 62, 9223372036854775807, -9223372036854775807 - 1, 123456789]:
        print(n, hash(n))
    for x in [0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, -1e-100, float("inf"), float("-inf"), 2.0 ** 61, 3.0e18, 123456.789]:
        print(x, hash(x))
    print(hash(True), hash(False), hash(1.0) == hash(1), hash(-1.0))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
