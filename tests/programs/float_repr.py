# args: 1 3 10
"""Shortest round-trip repr of ordinary floats: 0.1, 0.1+0.2, 1/3, exponent thresholds 1e16 and 1e-4."""
import sys


def entry_point(argv):
    one = int(argv[1])
    three = int(argv[2])
    ten = int(argv[3])
    print(0.1, 0.2, 0.1 + 0.2, 0.3, 1 / 3, 2 / 3)
    print(1e16, 1e15, 123456789012345678.0, 1e-5, 0.0001, 1e-4 * 3)
    print(2.5, 100.0, 1.0, 0.5, 0.0, 1e22, 1e21, 1e23)
    print(9999999999999998.0, 9999999999999999.0, 1234567890123456.7)
    print(0.00012345, 0.000012345, 1.5e-7, 3.14159, 2.718281828459045)
    print(one / ten, three / ten, one / three, ten / three)
    x = float(one)
    for i in range(20):
        x = x * ten
        print(i, x, 1.0 / x)
    y = 0.0
    for i in range(10):
        y += 0.1
    print(y, y == 1.0, 1.0 - y)
    print(float(one), float(-three), float(ten * ten * ten))
    print(1.1 * 1.1, 0.7 + 0.1, 0.1 * 3, 4.35 * 100, 1.0 - 0.9)
    print(123.456, -123.456, 1e100, 1.5e-100, 6.02214076e23)
    z = 1.0
    for i in range(8):
        z = z / three
    print(z, z * three ** 8)
    print(float(2 ** 53 + 1), float(2 ** 53), float(2 ** 53 + 3), float(9223372036854775807))
    print(float(-2 ** 62), 1e15 + 0.3, 1e16 + 1.0, 5e15 + 0.5)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
