# args: 2
"""int() of an infinite float (1e300*1e300) raises OverflowError (exit code 1)."""
import sys


def grow(x, times, factor):
    for i in range(times):
        x = x * factor
    return x


def entry_point(argv):
    k = int(argv[1])
    v = grow(1.5, k, 1e9)
    print("finite", v, int(v))
    w = grow(1e300, k, 1e100)
    print("infinite", w)
    print("converting")
    print(int(w))
    print("unreachable")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
