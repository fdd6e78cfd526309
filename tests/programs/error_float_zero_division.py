# args: 3 0
"""Float true division by zero (0.0 from argv) raises ZeroDivisionError instead of producing inf."""
import sys


def scaled(x, y):
    return x / y


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    fa = float(a)
    fb = float(b)
    print("ok", scaled(fa, 2.0), scaled(fa, fa + fb))
    print("large", 1e308 * 10.0, -1e308 * 10.0)
    print("now dividing", fa, "by", fb)
    r = scaled(fa, fb)
    print("unreachable", r)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
