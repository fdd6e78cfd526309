# args: 5 -6 70
"""Bitwise & | ^ ~ and shifts on negative numbers, shifts by >= 64 (Python semantics), popcount and bit tricks."""
import sys


def popcount(x):
    c = 0
    while x != 0:
        x &= x - 1
        c += 1
    return c


def lowest_bit(x):
    return x & -x


def bit_length(x):
    if x < 0:
        x = ~x
    n = 0
    while x > 0:
        x >>= 1
        n += 1
    return n


def rotl32(x, r):
    x = x & 0xffffffff
    return ((x << r) | (x >> (32 - r))) & 0xffffffff


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    big = int(argv[3])
    print(a & b, a | b, a ^ b, ~a, ~b, -a & 0xff, b & 0xff, ~0, ~-1)
    print(a << 3, b << 3, a >> 1, b >> 1, b >> 2, -1 >> 1, -1 >> 63, b >> 63)
    print(a >> big, b >> big, -1 >> big, 1 >> big, 0 << big, 0 >> big)
    print(a >> 64, b >> 64, (-9223372036854775807 - 1) >> 64, 9223372036854775807 >> 100)
    print(1 << 62, -1 << 62, 3 << 61, a << 60, b << 59, -(1 << 62) << 1)
    print(popcount(a), popcount(255), popcount(9223372036854775807), popcount(0), popcount(1 << 40))
    print(lowest_bit(a), lowest_bit(b), lowest_bit(96), lowest_bit(-9223372036854775807), lowest_bit(1 << 62))
    print(bit_length(a), bit_length(b), bit_length(0), bit_length(-1), bit_length(9223372036854775807), bit_length(-9223372036854775807 - 1))
    print(rotl32(0x80000001, 1), rotl32(0x12345678, 8), rotl32(a, 31), rotl32(b, 4))
    print(0x7fffffffffffffff & -2, 0x5555555555555555 ^ 0x2aaaaaaaaaaaaaaa, 0x0f0f | 0xf0f0)
    print(a & b | a ^ b, a | b & a, ~a & ~b == ~(a | b), a ^ b ^ b)
    x = 0
    for i in range(0, 63, 3):
        x |= 1 << i
    print(x, x >> 30, x & 0xffff, x ^ (x >> 1))
    y = -1
    for i in range(10):
        y <<= 3
        y ^= i
    print(y, y >> 5, y & 1023)
    m = 12345
    m >>= 2
    m <<= 5
    m &= 0xfff0
    m |= 3
    m ^= 0x5a5a
    print(m)
    s = 0
    for i in range(-20, 21):
        s += (i >> 2) + (i << 2) + (i & 7) + (i | 3) + (i ^ -5)
    print(s)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
