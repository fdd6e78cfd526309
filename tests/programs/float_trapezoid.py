# args: 1000 2
"""Numerical integration with the trapezoid and Simpson rules on polynomials and a rational function."""
import sys


def poly(x):
    return 3.0 * x * x - 2.0 * x + 1.0


def cubic(x):
    return x * x * x


def rational(x):
    return 4.0 / (1.0 + x * x)


def gauss_like(x):
    t = 1.0
    term = 1.0
    y = -x * x
    for k in range(1, 25):
        term = term * y / k
        t += term
    return t


def pick(which, x):
    if which == 0:
        return poly(x)
    if which == 1:
        return cubic(x)
    if which == 2:
        return rational(x)
    return gauss_like(x)


def trapezoid(which, a, b, n):
    h = (b - a) / n
    s = 0.5 * (pick(which, a) + pick(which, b))
    for i in range(1, n):
        s += pick(which, a + i * h)
    return s * h


def simpson(which, a, b, n):
    h = (b - a) / n
    s = pick(which, a) + pick(which, b)
    for i in range(1, n):
        if i % 2 == 1:
            s += 4.0 * pick(which, a + i * h)
        else:
            s += 2.0 * pick(which, a + i * h)
    return s * h / 3.0


def entry_point(argv):
    n = int(argv[1])
    hi = int(argv[2])
    b = float(hi)
    print(trapezoid(0, 0.0, b, n), simpson(0, 0.0, b, n))
    print(trapezoid(1, -1.0, b, n), simpson(1, -1.0, b, n))
    pi_t = trapezoid(2, 0.0, 1.0, n)
    pi_s = simpson(2, 0.0, 1.0, n)
    print(pi_t, pi_s, pi_t - 3.141592653589793, pi_s - 3.141592653589793)
    print(trapezoid(3, 0.0, 1.0, n // 10), simpson(3, 0.0, 1.0, n // 10))
    m = 1
    while m <= n:
        print(m, trapezoid(2, 0.0, 1.0, m), simpson(2, 0.0, 1.0, m * 2))
        m = m * 4
    print(trapezoid(0, b, 0.0, 7), trapezoid(1, 0.0, 0.0, 3))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
