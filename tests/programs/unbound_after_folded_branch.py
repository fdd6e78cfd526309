# args: 3
"""A local bound only in a branch that constant folding removes: UnboundLocalError at run time, as in CPython."""
import sys


def loop_var_of_empty_range(n):
    for j in range(0):
        if 1 < 2:
            break
    else:
        print("else, n =", n)
    return j


def entry_point(argv):
    n = int(argv[1])
    print("before", n)
    print(loop_var_of_empty_range(n))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
