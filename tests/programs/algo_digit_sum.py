# args: 987654321 10
"""Digit sums, digital roots, digit reversal and palindromes in several bases, incl. negative numbers."""
import sys


def digit_sum(n, base=10):
    if n < 0:
        n = -n
    s = 0
    while n > 0:
        s += n % base
        n //= base
    return s


def digital_root(n):
    while n >= 10:
        n = digit_sum(n)
    return n


def reverse_digits(n):
    sign = 1
    if n < 0:
        sign = -1
        n = -n
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n = n // 10
    return sign * r


def is_palindrome(n):
    return n >= 0 and reverse_digits(n) == n


def num_digits(n, base):
    if n == 0:
        return 1
    c = 0
    while n != 0:
        n = n // base if n > 0 else (n + base - 1) // base
        c += 1
    return c


def digit_sum_rec(n):
    if n < 10:
        return n
    return n % 10 + digit_sum_rec(n // 10)


def entry_point(argv):
    n = int(argv[1])
    base = int(argv[2])
    print(digit_sum(n), digit_sum(n, base), digit_sum(n, 2), digit_sum(n, 16), digit_sum(-n))
    print(digital_root(n), reverse_digits(n), reverse_digits(-n), reverse_digits(1200), is_palindrome(n))
    print(num_digits(n, 10), num_digits(n, 2), num_digits(-n, 10), num_digits(0, 10))
    print(digit_sum(9223372036854775807), digit_sum(-9223372036854775807), digit_sum(9223372036854775807, 2))
    print(num_digits(9223372036854775807, 10), num_digits(-9223372036854775807 - 1, 2), num_digits(-9223372036854775807 - 1, 10))
    print(digit_sum_rec(n), reverse_digits(1000000000000000009))
    pals = 0
    total = 0
    for i in range(1, 3000):
        if is_palindrome(i):
            pals += 1
        total += digit_sum(i * i, base)
    print(pals, total)
    lychrel = 0
    for i in range(1, 200):
        x = i
        found = False
        for it in range(25):
            if x > 100000000000000000:
                break
            x = x + reverse_digits(x)
            if is_palindrome(x):
                found = True
                break
        if not found:
            lychrel += 1
    print(lychrel)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
