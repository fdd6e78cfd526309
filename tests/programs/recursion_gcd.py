# args: 1071 462 -48
"""Recursive and iterative gcd, lcm, extended Euclid with negative operands."""
import sys


def gcd(a, b):
    if b == 0:
        return abs(a)
    return gcd(b, a % b)


def gcd_iter(a, b):
    a = abs(a)
    b = abs(b)
    while b != 0:
        t = a % b
        a = b
        b = t
    return a


def lcm(a, b):
    if a == 0 or b == 0:
        return 0
    return abs(a // gcd(a, b) * b)


def bezout_x(a, b):
    if b == 0:
        return 1
    return bezout_y(b, a % b)


def bezout_y(a, b):
    if b == 0:
        return 0
    return bezout_x(b, a % b) - (a // b) * bezout_y(b, a % b)


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    c = int(argv[3])
    print(gcd(a, b), gcd_iter(a, b), gcd(b, a), gcd(a, 0), gcd(0, b), gcd(0, 0))
    print(gcd(a, c), gcd(c, a), gcd(-a, -b), gcd_iter(c, -b))
    print(lcm(a, b), lcm(c, b), lcm(0, a), lcm(-4, 6))
    x = bezout_x(a, b)
    y = bezout_y(a, b)
    print(x, y, a * x + b * y)
    x2 = bezout_x(240, c)
    y2 = bezout_y(240, c)
    print(x2, y2, 240 * x2 + c * y2)
    print(gcd(7540113804746346429, 4660046610375530309), gcd(9223372036854775807, 9223372036854775806))
    print(gcd(9223372036854775807, 7), gcd(-9223372036854775807, 73))
    total = 0
    for i in range(1, 60):
        for j in range(1, 60):
            total += gcd(i, j)
    print(total)
    coprime = 0
    for i in range(1, 100):
        if gcd_iter(i, a) == 1:
            coprime += 1
    print(coprime)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
