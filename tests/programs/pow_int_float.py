# args: 2 3 62
"""Exponentiation with int and float operands: 2**62, (-3)**3, 0**0, 2.0**-2, 0.5**0.5, (-8.0)**3.0."""
import sys


def ipow(b, e):
    return b ** e


def fpow(b, e):
    return b ** e


def entry_point(argv):
    two = int(argv[1])
    three = int(argv[2])
    e62 = int(argv[3])
    print(2 ** 62, two ** e62, (-3) ** 3, (-three) ** three, 0 ** 0)
    print(ipow(0, 0), ipow(0, 5), ipow(1, 1000000), ipow(-1, 1000001), ipow(-1, 1000000))
    print(ipow(3, 39), ipow(-3, 39), ipow(-2, 63), ipow(10, 18), ipow(7, 22))
    print(ipow(two, 0), ipow(-two, 1), ipow(-two, 2), ipow(three, 2) ** 2)
    print(2.0 ** -2, 0.5 ** 0.5, (-8.0) ** 3.0, 0.0 ** 0.0, 2 ** 0.5)
    print(fpow(10.0, -5.0), fpow(10.0, 22.0), fpow(10.0, 23.0), fpow(2.0, 0.5))
    print(fpow(-2.0, -1.0), fpow(-2.0, 2.0), fpow(-0.5, 3.0), fpow(1.0, 1e300))
    print(fpow(0.0, 5.0), fpow(-0.0, 3.0), fpow(-0.0, 2.0), fpow(2.0, -1074.0))
    print(fpow(2.0, 1023.0), fpow(1.5, 100.0), fpow(9.0, 0.5), fpow(27.0, 1.0 / 3.0))
    inf = 1e300 * 1e300
    print(fpow(inf, 0.0), fpow(inf, -1.0), fpow(-inf, 3.0), fpow(0.5, inf), fpow(2.0, -inf))
    print(fpow(-1.0, inf), fpow(1.0, -inf))
    print(two ** 0.5, two ** -1.0, 2.5 ** three, float(three) ** -two)
    acc = 1
    for i in range(e62):
        acc = acc * two
    print(acc == 2 ** 62, acc)
    s = 0.0
    for i in range(1, 11):
        s += 1.0 / (i ** 2)
        s += 0.5 ** i
    print(s)
    print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, -two ** three)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
