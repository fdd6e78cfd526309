# args: 300 10
"""Printing and arithmetic of inf, -inf, nan, -0.0, subnormal 5e-324 and max float 1.7976931348623157e308."""
import sys


def is_nan(x):
    return x != x


def entry_point(argv):
    e = int(argv[1])
    ten = int(argv[2])
    big = 10.0 ** e
    inf = 1e300 * 1e10
    print(inf, -(1e300 * 1e10), big * big, -big * big)
    nan = inf - inf
    print(nan, inf * 0.0, -nan, is_nan(nan), is_nan(inf))
    print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, nan <= nan, nan >= 0.0)
    print(inf == inf, inf > 1.7976931348623157e308, -inf < -1.7976931348623157e308)
    print(inf + 1.0, inf - 1e308, inf * -1.0, 1.0 / inf, -1.0 / inf, inf / inf)
    print(-0.0, 0.0 * -1.0, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, 0.0 == -0.0)
    nz = -0.0
    print(nz, -nz, abs(nz), nz * ten, nz / ten, nz < 0.0)
    print(5e-324, 5e-324 / 2, 5e-324 * 3, 2.2250738585072014e-308, 2.2250738585072014e-308 / 2)
    tiny = 5e-324
    for i in range(3):
        tiny = tiny * ten
        print(tiny)
    print(1.7976931348623157e308, 1.7976931348623157e308 * 1.0000000000000002, -1.7976931348623157e308)
    print(1.7976931348623157e308 + 1e292, 1.7976931348623157e308 * 2 - 1.7976931348623157e308)
    print(min(inf, 1.0), max(-inf, -1.0), abs(-inf), min(-0.0, 0.0), max(0.0, -0.0))
    print(1e308 * ten, -1e308 * ten, 1e-320 / ten, -1e-320 / 1e10)
    print(float(ten) / 3.0, inf > ten, -inf < -ten, nan == ten)
    x = 1.0
    count = 0
    while x != inf:
        x = x * 2.0
        count += 1
    print(count, x)
    y = 1.0
    count2 = 0
    while y > 0.0:
        y = y / 2.0
        count2 += 1
    print(count2, y)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
