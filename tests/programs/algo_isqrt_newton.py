# args: 1000000 17
"""Integer square root by Newton's method, verified by r*r <= n < (r+1)*(r+1), incl. values near 2**62."""
import sys


def isqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def isqrt_bits(n):
    r = 0
    bit = 1 << 62
    while bit > n:
        bit >>= 2
    while bit != 0:
        if n >= r + bit:
            n -= r + bit
            r = (r >> 1) + bit
        else:
            r >>= 1
        bit >>= 2
    return r


def check(n):
    r = isqrt(n)
    ok = r * r <= n and n - r * r <= 2 * r
    print(n, r, isqrt_bits(n), ok)
    return ok


def icbrt(n):
    lo = 0
    hi = 2097151
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


def entry_point(argv):
    n = int(argv[1])
    k = int(argv[2])
    check(n)
    check(n - 1)
    check(n + 1)
    check(k)
    check(0)
    check(1)
    check(2)
    check(3)
    check(4)
    check(4611686018427387903)
    check(4611686018427387904)
    check(9223372030926249001)
    check(9223372030926249000)
    check(9223372036854775807 - 2)
    squares = 0
    total = 0
    for i in range(1, 20000):
        r = isqrt(i)
        total += r
        if r * r == i:
            squares += 1
        if r != isqrt_bits(i):
            print("mismatch", i)
    print(squares, total)
    print(icbrt(27), icbrt(26), icbrt(n), icbrt(9223372036854775807), icbrt(k * k * k + 1))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
