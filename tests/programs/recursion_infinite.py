# args: 3
"""Unbounded recursion: CPython ends with RecursionError (exit code 1) after printing some lines."""
import sys


def forever(n):
    return forever(n + 1) + 1


def countdown(n):
    if n == 0:
        return 0
    print("countdown", n)
    return countdown(n - 1)


def entry_point(argv):
    k = int(argv[1])
    print("start", k)
    countdown(k)
    print("about to recurse forever")
    r = forever(k)
    print("unreachable", r)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
