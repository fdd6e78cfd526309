# args: 300
"""int() of a NaN float (inf - inf) raises ValueError (exit code 1)."""
import sys


def entry_point(argv):
    e = int(argv[1])
    big = 10.0 ** e
    inf = big * big
    nan = inf - inf
    print("inf", inf, "nan", nan)
    print("int of finite", int(big / 10.0 ** (e - 10)))
    print("int of nan next")
    print(int(nan))
    print("unreachable")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
