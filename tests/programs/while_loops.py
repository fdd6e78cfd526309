# args: 100 7
"""While loops: counting up/down, conditions with and/or/not, loops that never run, infinite loop with break."""
import sys


def count_steps(n, k):
    steps = 0
    while n > 0 and steps < 1000:
        n -= k
        steps += 1
    return steps


def bisect_float(target_value):
    lo = 0.0
    hi = target_value if target_value > 1.0 else 1.0
    it = 0
    while hi - lo > 1e-12 and it < 200:
        mid = (lo + hi) / 2.0
        if mid * mid < target_value:
            lo = mid
        else:
            hi = mid
        it += 1
    return lo


def digits_loop(n):
    c = 0
    while not n == 0:
        n //= 10
        c += 1
    return c


def entry_point(argv):
    n = int(argv[1])
    k = int(argv[2])
    print(count_steps(n, k), count_steps(0, k), count_steps(n, 1), count_steps(-n, k))
    i = 0
    while i < 0:
        i += 1
    print("never ran", i)
    j = n
    while j:
        j //= 2
    print("falsy int ends loop", j)
    f = 10.0
    while f:
        f = f / 1e10
    print("falsy float ends loop", f)
    t = 0
    while True:
        t += k
        if t > n:
            break
    print(t)
    print(bisect_float(2.0), bisect_float(float(n)), bisect_float(0.25))
    print(digits_loop(n), digits_loop(n * 1000), digits_loop(9223372036854775807))
    a = 0
    b = n
    while a < b or a % k != 0:
        a += 3
        b -= 2
    print(a, b)
    r = 1
    c = 0
    while r < n * n * n:
        r = r * 2 + 1
        c += 1
        while r % 3 == 0:
            r += 1
            c += 10
    print(r, c)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
