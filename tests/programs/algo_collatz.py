# args: 3000 27
"""Collatz sequence lengths: longest chain below a bound, peak values, and step counts."""
import sys


def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def collatz_peak(n):
    peak = n
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        if n > peak:
            peak = n
    return peak


def collatz_rec(n):
    if n == 1:
        return 0
    if n % 2 == 0:
        return 1 + collatz_rec(n // 2)
    return 1 + collatz_rec(3 * n + 1)


def entry_point(argv):
    limit = int(argv[1])
    start = int(argv[2])
    print(collatz_len(start), collatz_peak(start), collatz_rec(start))
    best = 0
    best_n = 0
    total = 0
    for i in range(1, limit):
        l = collatz_len(i)
        total += l
        if l > best:
            best = l
            best_n = i
    print(best_n, best, total)
    print(collatz_len(837799), collatz_peak(837799), collatz_len(63728127), collatz_peak(63728127))
    hist0 = 0
    hist1 = 0
    hist2 = 0
    for i in range(1, 500):
        l = collatz_len(i)
        if l < 20:
            hist0 += 1
        elif l < 60:
            hist1 += 1
        else:
            hist2 += 1
    print(hist0, hist1, hist2)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
