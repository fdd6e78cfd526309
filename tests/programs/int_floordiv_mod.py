# args: 7 2 -3
"""Integer floor division and modulo for all sign combinations, incl. divisors from argv."""
import sys

BIG = 4611686018427387904
NEG_BIG = -4611686018427387904


def show(a, b):
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)


def check_signs(a, b):
    show(a, b)
    show(-a, b)
    show(a, -b)
    show(-a, -b)


def divmod_sum(n, d):
    total = 0
    for i in range(-n, n + 1):
        total += i // d
        total += i % d
    return total


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    c = int(argv[3])
    print(-7 // 2, 7 // -2, -7 % 2, 7 % -2)
    print(7 // 2, -7 // -2, 7 % 2, -7 % -2)
    check_signs(a, b)
    check_signs(a, -c)
    check_signs(a * 5 + 1, 3)
    check_signs(0, b)
    check_signs(b, a)
    check_signs(1, 1)
    check_signs(100, 7)
    check_signs(6, 3)
    show(BIG + a, b)
    show(NEG_BIG - a, b)
    show(NEG_BIG - a, -b)
    show(BIG, -c)
    show(NEG_BIG, c)
    show(a, BIG)
    show(-a, BIG)
    show(a, NEG_BIG)
    show(-a, NEG_BIG)
    print(divmod_sum(20, b), divmod_sum(20, c), divmod_sum(33, a))
    x = -a
    x //= b
    print(x)
    y = -a
    y %= c
    print(y)
    print(-1 // BIG, 1 // NEG_BIG, -1 % BIG, 1 % NEG_BIG)
    print(((-a) // b) // c, ((-a) % b) % c)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
