# args: 4
"""A function held in a variable across a branch and a loop is still called directly."""
import sys


def helper(x):
    return x * 3 + 1


def entry_point(argv):
    n = int(argv[1])
    g = helper
    if n > 2:
        print("big", n)
    total = 0
    for i in range(n):
        total += g(i)
    print(g(n), total)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
