# args: 0 5
"""Bool printing, bool arithmetic (True + True), not, and/or on bools, bool results of comparisons."""
import sys


def is_positive(x):
    return x > 0


def both(a, b):
    return a and b


def either(a, b):
    return a or b


def xor_bool(a, b):
    return a != b


def count_true(n):
    c = 0
    for i in range(n):
        if i % 3 == 0 or i % 5 == 0:
            c += 1
    return c


def entry_point(argv):
    z = int(argv[1])
    n = int(argv[2])
    print(True, False, True + True, True * 7, False - True, -True, ~True, True / 2)
    print(not 0, not 1, not z, not n, not 0.0, not 2.5, not True, not False)
    t = n > z
    f = n < z
    print(t, f, t + t + t, t * n, f * n, t == 1, f == 0, t == 1.0, t + 0.5)
    print(both(t, f), both(t, t), either(f, f), either(f, t), xor_bool(t, f), xor_bool(t, t))
    print(t and f, t or f, f or f, t and t, not t and f, not (t and f))
    print(is_positive(n), is_positive(z), is_positive(-n), is_positive(n) == t)
    print(t > f, t >= f, f < t, t // t, t % t, t ** n, n ** f)
    print(t & f, t | f, t ^ t, t ^ f, t << 3, n >> t)
    print(max(t + 0, f + 0), min(n, t + 0), abs(-t), t + 0.0, f * 1)
    b = True
    for i in range(n):
        b = not b
    print(b)
    c = 0
    if t:
        c += 1
    if not f:
        c += 10
    if n and t:
        c += 100
    if z or f:
        c += 1000
    if z or n:
        c += 10000
    print(c, count_true(n * 10))
    s = 0
    for i in range(-n, n + 1):
        s += (i > 0) + (i < 0) * 2 + (i == 0) * 4
    print(s)
    x = 0 < n
    y = 0.0 > n
    print(x, y, x == True, y == False)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
