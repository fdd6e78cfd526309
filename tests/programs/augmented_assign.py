# args: 13 4
"""All augmented assignment operators on ints and floats, incl. with negative operands."""
import sys


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    x = a
    x += b
    print(x)
    x -= 3 * b
    print(x)
    x *= -b
    print(x)
    x //= 3
    print(x)
    x %= 11
    print(x)
    x **= 3
    print(x)
    x <<= 4
    print(x)
    x >>= 2
    print(x)
    x &= 0x1f3
    print(x)
    x |= 0x400
    print(x)
    x ^= 0x7ff
    print(x)
    y = -a
    y //= b
    print(y)
    y %= -b
    print(y)
    f = float(a)
    f += 0.5
    print(f)
    f -= b
    print(f)
    f *= -1.5
    print(f)
    f /= 4
    print(f)
    f //= 1.25
    print(f)
    f %= -3.0
    print(f)
    f **= 2
    print(f)
    f += b
    print(f)
    g = 1.0
    for i in range(1, 30):
        g *= 1.0 + 1.0 / i
        g -= 0.5
        g /= 1.0001
    print(g)
    h = 0
    for i in range(1, 100):
        h += i * i
        h %= 1000
        h ^= i
        h -= a
    print(h)
    q = 7
    for i in range(20):
        q *= 3
        q //= 2
    print(q)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
