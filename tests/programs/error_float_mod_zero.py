# args: 5 0
"""Float modulo by 0.0 raises ZeroDivisionError after a few successful float modulo operations."""
import sys


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    x = float(a) + 0.5
    d = float(b) + 3.0
    while True:
        print(x, "%", d, "=", x % d, x // d)
        d -= 1.0
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
