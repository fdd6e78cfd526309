# args: 0
"""A zero range() step raises ValueError when the loop starts, after earlier output."""
import sys


def count(step):
    total = 0
    for i in range(0, 10, step):
        total += i
    return total


def entry_point(argv):
    print("constant step 2:", count(2))
    print("before the zero step")
    for i in range(0, 3, 0):
        print("never", i)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
