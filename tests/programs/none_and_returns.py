# args: 4 -2
"""Functions returning None (implicit and explicit), printing None, functions returning bool, several return points."""
import sys


def no_return(x):
    y = x + 1
    y = y * 2


def bare_return(x):
    if x > 0:
        return
    x = x + 1


def explicit_none():
    return None


def maybe_label(x):
    if x > 0:
        return "positive"
    if x < 0:
        return "negative"
    return None


def classify(x):
    if x < -10:
        return 0
    elif x < 0:
        return 1
    elif x == 0:
        return 2
    elif x < 10:
        return 3
    return 4


def is_even(x):
    if x % 2 == 0:
        return True
    return False


def in_range(x, lo, hi):
    return lo <= x < hi


def first_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            return d
    return n


def sign_float(x):
    if x > 0.0:
        return 1.0
    if x < 0.0:
        return -1.0
    return 0.0


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    print(no_return(a), bare_return(a), bare_return(b), explicit_none())
    print(maybe_label(a), maybe_label(b), maybe_label(0))
    print(no_return(b))
    print(None)
    print(classify(-20), classify(b), classify(0), classify(a), classify(a * 10))
    print(is_even(a), is_even(b + 1), is_even(0), is_even(-7))
    print(in_range(a, 0, 5), in_range(b, 0, 5), in_range(5, 0, 5), in_range(0, 0, 5))
    print(first_divisor(91), first_divisor(97), first_divisor(a * a), first_divisor(2))
    print(sign_float(a * 0.5), sign_float(b * 1.5), sign_float(0.0), sign_float(-0.0))
    total = 0
    for i in range(-15, 16):
        total += classify(i) * i
        if is_even(i) and in_range(i, b, a):
            total += 1000
    print(total)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
