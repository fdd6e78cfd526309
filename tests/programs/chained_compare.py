# args: 3 7 5
"""Chained comparisons incl. mixed int/float operands and evaluation of the middle operand only once."""
import sys


def between(lo, x, hi):
    return lo < x <= hi


def fbetween(lo, x, hi):
    return lo < x <= hi


def noisy(x):
    print("eval", x)
    return x


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    c = int(argv[3])
    print(a < b < c, a < c < b, a <= a < b, b > c > a, b >= b >= c >= a)
    print(1 < 2 < 3 < 4, 1 < 2 > 1.5 < 3, 1 < 2.5 < 3, 3 > 2.5 > 2, 0 == 0.0 == -0.0)
    print(a < 3.5 < b, a < 2.5 < b, a == 3.0 < c, c != 5.0 != a, a < b != c)
    print(between(a, c, b), between(a, a, b), between(a, b, b), between(c, a, b))
    print(fbetween(1.5, 2.0, 2.0), fbetween(1.5, 1.5, 2.0), fbetween(-0.0, 0.0, 1.0))
    print(noisy(a) < noisy(c) < noisy(b))
    print(noisy(b) < noisy(a) < noisy(c))
    print(noisy(a) < noisy(b) > noisy(c) == noisy(5))
    count = 0
    for i in range(-10, 11):
        for j in range(-3, 4):
            if -2 <= i < j * 2 <= 5:
                count += 1
            if i < j == j < i + 1:
                count += 100
    print(count)
    x = a * 1.0
    print(x < a <= x, x <= a <= x, a - 0.5 < a < a + 0.5, -a < -x + 0.1 < 0)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
