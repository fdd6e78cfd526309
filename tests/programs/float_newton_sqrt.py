# args: 2 10
"""Newton iteration for square roots and cube roots on floats, with iteration counts and exact-convergence checks."""
import sys


def newton_sqrt(a, tol=1e-15):
    if a == 0.0:
        return 0.0
    x = a if a > 1.0 else 1.0
    it = 0
    while it < 2000:
        nx = 0.5 * (x + a / x)
        if abs(nx - x) <= tol * nx:
            return nx
        x = nx
        it += 1
    return x


def newton_iters(a):
    x = a if a > 1.0 else 1.0
    it = 0
    while True:
        nx = 0.5 * (x + a / x)
        it += 1
        if nx >= x:
            break
        x = nx
    return it


def newton_cbrt(a):
    x = 1.0
    for i in range(100):
        x = x - (x * x * x - a) / (3.0 * x * x)
    return x


def heron_fixed(a, steps):
    x = a
    for i in range(steps):
        x = (x + a / x) / 2.0
    return x


def entry_point(argv):
    n = int(argv[1])
    k = int(argv[2])
    a = float(n)
    print(newton_sqrt(a), newton_sqrt(a) ** 2, newton_sqrt(a) * newton_sqrt(a) == a)
    print(newton_sqrt(a, 1e-3), newton_sqrt(a, tol=0.1), newton_sqrt(0.0), newton_sqrt(1e-10))
    print(newton_sqrt(1e300), newton_sqrt(1e-300), newton_sqrt(2.5e-323), newton_sqrt(0.25))
    print(newton_iters(a), newton_iters(1e10), newton_iters(0.5), newton_iters(1e300))
    print(newton_cbrt(a), newton_cbrt(27.0), newton_cbrt(-8.0), newton_cbrt(1e-9))
    for i in range(k):
        print(i, heron_fixed(a, i))
    total = 0.0
    for i in range(1, 101):
        r = newton_sqrt(float(i))
        total += r
        if r * r != float(i) and r == int(r):
            print("odd", i)
    print(total)
    exact = 0
    for i in range(1, 40):
        r = newton_sqrt(float(i * i))
        if r == float(i):
            exact += 1
    print(exact)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
