# args: 42 20000
"""Tiny LCG random generator with & 0x7fffffff masks: sequence, histogram, Monte Carlo pi estimate, shuffling sums."""
import sys

A = 1103515245
C = 12345
MASK = 0x7fffffff


def lcg(state):
    return (state * A + C) & MASK


def xorshift(x):
    x = x ^ ((x << 13) & 0xffffffff)
    x = x ^ (x >> 17)
    x = x ^ ((x << 5) & 0xffffffff)
    return x & 0xffffffff


def to_unit(state):
    return state / 2147483648.0


def entry_point(argv):
    seed = int(argv[1])
    n = int(argv[2])
    s = seed & MASK
    for i in range(10):
        s = lcg(s)
        print(s, s % 100, s >> 16, to_unit(s))
    h0 = 0
    h1 = 0
    h2 = 0
    h3 = 0
    inside = 0
    s = seed
    for i in range(n):
        s = lcg(s)
        b = (s >> 16) % 4
        if b == 0:
            h0 += 1
        elif b == 1:
            h1 += 1
        elif b == 2:
            h2 += 1
        else:
            h3 += 1
        x = to_unit(s)
        s = lcg(s)
        y = to_unit(s)
        if x * x + y * y < 1.0:
            inside += 1
    print(h0, h1, h2, h3, h0 + h1 + h2 + h3)
    print(inside, 4.0 * inside / n)
    xs = seed | 1
    acc = 0
    for i in range(1000):
        xs = xorshift(xs)
        acc = (acc * 31 + xs) & MASK
    print(xs, acc)
    mn = MASK
    mx = 0
    s = seed
    for i in range(n):
        s = lcg(s)
        mn = min(mn, s)
        mx = max(mx, s)
    print(mn, mx, s)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
