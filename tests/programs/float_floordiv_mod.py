# args: 2 3
"""Float floor division and modulo with all sign combinations, signed zeros and infinities."""
import sys


def show(a, b):
    q = a // b
    r = a % b
    print(a, b, q, r)


def all_signs(a, b):
    show(a, b)
    show(-a, b)
    show(a, -b)
    show(-a, -b)


def entry_point(argv):
    n = int(argv[1])
    m = int(argv[2])
    two = float(n)
    three = float(m)
    print(-7.5 % 2, 7.5 // -2.0, -7.5 // 2, 7.5 % -2.0)
    print(-7.5 % n, 7.5 // -two, -7.5 // n, 7.5 % -two)
    all_signs(7.5, two)
    all_signs(7.0, two)
    all_signs(6.0, three)
    all_signs(0.0, two)
    all_signs(1.0, 0.1)
    all_signs(5.5, 0.25)
    all_signs(1e300, three)
    all_signs(1e-300, three)
    all_signs(three, 1e-300 * 1e-10)
    inf = 1e300 * 1e300
    all_signs(1.0, inf)
    all_signs(0.0, inf)
    # mixed int/float
    print(7 // two, -7 // two, 7 % two, -7 % two)
    print(n // 0.5, -n // 0.5, m % 0.7, -m % 0.7)
    print(-0.0 // two, -0.0 % two, 0.0 // -two, 0.0 % -two)
    print(6.0 % -three, -6.0 % three, -6.0 // three, 6.0 // -three)
    x = 10.25
    x //= two
    print(x)
    y = -10.25
    y %= three
    print(y)
    z = 0.0
    for i in range(-5, 6):
        z += (i * 1.5) // two + (i * 1.5) % three
    print(z)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
