# args: 5000 100
"""Primes by trial division with counters: prime counting, twin primes, largest gap, trial-division count."""
import sys


def is_prime(n):
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0:
        return False
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def trial_divisions(n):
    count = 0
    d = 2
    while d * d <= n:
        count += 1
        if n % d == 0:
            return count
        d += 1
    return count


def smallest_factor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            return d
        d += 1
    return n


def count_factors(n):
    c = 0
    while n > 1:
        f = smallest_factor(n)
        n = n // f
        c += 1
    return c


def entry_point(argv):
    limit = int(argv[1])
    small = int(argv[2])
    count = 0
    twins = 0
    prev = 2
    gap = 0
    gap_at = 0
    psum = 0
    for n in range(2, limit):
        if is_prime(n):
            count += 1
            psum += n
            if n - prev == 2:
                twins += 1
            if n - prev > gap:
                gap = n - prev
                gap_at = prev
            prev = n
    print(count, twins, gap, gap_at, psum, prev)
    work = 0
    for n in range(2, limit):
        work += trial_divisions(n)
    print(work)
    for n in range(small - 5, small + 6):
        print(n, is_prime(n), smallest_factor(n), count_factors(n))
    print(is_prime(2147483647), is_prime(1000000007), is_prime(999999999989), smallest_factor(999999999987))
    print(count_factors(9223372036854775807), smallest_factor(9223372036854775807))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
