# args:
"""Reading a local whose only assignment sits under an always-false condition raises UnboundLocalError."""
import sys


def entry_point(argv):
    print("start")
    if 1 > 2:
        x = 1
    print(x)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
