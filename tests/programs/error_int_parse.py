# args: abc
"""int() on a non-numeric argv string raises ValueError: exit code 1 after some output."""
import sys


def double(x):
    return x * 2


def entry_point(argv):
    print("argc", len(argv))
    print("before parse", double(21))
    n = int(argv[1])
    print("unreachable", n)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
