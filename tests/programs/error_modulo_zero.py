# args: 17 4
"""Integer modulo by zero raises ZeroDivisionError mid-loop (exit code 1)."""
import sys


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    k = b
    while True:
        print(a, "mod", k, "=", a % k)
        k -= 1
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
