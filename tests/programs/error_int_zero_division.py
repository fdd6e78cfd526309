# args: 5 0
"""Integer floor division by a zero divisor taken from argv raises ZeroDivisionError (exit code 1)."""
import sys


def safe_div(a, b):
    if b == 0:
        return 0
    return a // b


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    print("safe", safe_div(a, b), safe_div(a, a))
    for i in range(3, -1, -1):
        d = b + i
        print("dividing by", d)
        print(a * 100 // d)
    print("unreachable")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
