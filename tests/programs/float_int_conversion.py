# args: 399 100
"""int() truncation of floats toward zero, float() of ints incl. 2**53+1, and mixed int/float arithmetic."""
import sys


def trunc_show(x):
    print(x, int(x), int(-x))


def entry_point(argv):
    a = int(argv[1])
    h = int(argv[2])
    f = a / h
    print(int(3.99), int(-3.99), int(f), int(-f), int(0.5), int(-0.5), int(-0.0))
    trunc_show(f)
    trunc_show(1e18)
    trunc_show(9.2e18)
    trunc_show(123456789.987654321)
    trunc_show(4503599627370495.5)
    trunc_show(2.0 ** 62)
    trunc_show(1e-300)
    print(float(2 ** 53 + 1), float(2 ** 53 + 2), float(-(2 ** 53) - 1), float(a), float(-h))
    print(int(float(2 ** 53 + 1)), int(float(9007199254740993)), int(float(1152921504606846977)))
    print(1 + 2.5, 3 - 0.5, 2 * 1.5, 7 / 2.0, a + f, h * f, a - h * f)
    print(3 < 2.5, 2 < 2.5, 3 == 3.0, 3 != 3.0, a > f, h >= 100.0)
    total = 0
    for i in range(1, 50):
        total += int(a / i) + int(-a / i) * 2
    print(total)
    ftotal = 0.0
    for i in range(1, 50):
        ftotal += float(i * a) / h
    print(ftotal, int(ftotal))
    print(int(f * 1000000), int(2.9999999999999996), int(2.9999999999999999), int(-7.000000000000001))
    print(abs(-3), abs(3), abs(-2.5), abs(f - 4.0), abs(-h), abs(0))
    print(min(a, h), max(a, h), min(f, 1.5), max(f, 1.5), min(-a, -h), max(-f, -4.0))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
