# args: 1 2
"""Reading argv[5] when only 3 entries exist raises IndexError (exit code 1)."""
import sys


def entry_point(argv):
    print("argc", len(argv))
    a = int(argv[1])
    b = int(argv[2])
    print("sum", a + b)
    print(argv[1], argv[2], argv[2] == "2", argv[1] != "1")
    print("reading argv[5]")
    c = int(argv[5])
    print("unreachable", c)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
