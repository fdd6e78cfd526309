# args: 50000 7
"""Float accumulation order effects: naive vs Kahan summation, harmonic sums forward and backward, products."""
import sys


def naive_sum(n, step):
    s = 0.0
    for i in range(n):
        s += step
    return s


def kahan_sum(n, step):
    s = 0.0
    c = 0.0
    for i in range(n):
        y = step - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


def harmonic_fwd(n):
    s = 0.0
    for i in range(1, n + 1):
        s += 1.0 / i
    return s


def harmonic_bwd(n):
    s = 0.0
    for i in range(n, 0, -1):
        s += 1.0 / i
    return s


def alt_series(n):
    s = 0.0
    sign = 1.0
    for i in range(n):
        s += sign / (2 * i + 1)
        sign = -sign
    return 4.0 * s


def entry_point(argv):
    n = int(argv[1])
    k = int(argv[2])
    print(naive_sum(n, 0.1), kahan_sum(n, 0.1), naive_sum(10, 0.1), kahan_sum(10, 0.1))
    print(harmonic_fwd(n), harmonic_bwd(n), harmonic_fwd(n) == harmonic_bwd(n))
    print(alt_series(n // 10), alt_series(k))
    p = 1.0
    for i in range(1, 171):
        p *= i
    print(p, p * 171.0)
    e = 0.0
    term = 1.0
    for i in range(1, 25):
        e += term
        term /= i
    print(e)
    big = 1e16
    print(big + 1.0 - big, big + 2.0 - big, (big + 1.0) + 1.0 - big, big + (1.0 + 1.0) - big)
    x = 0.1 * k
    y = 0.7
    print(x, y, x == y, abs(x - y) < 1e-12, x - y)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
