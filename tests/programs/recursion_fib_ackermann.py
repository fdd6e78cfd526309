# args: 20 3 5
"""Recursive fibonacci, small ackermann, recursive factorial and binomial coefficients."""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


def fib_iter(n):
    a = 0
    b = 1
    for i in range(n):
        c = a + b
        a = b
        b = c
    return a


def hanoi(n, src, dst, tmp):
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, tmp, dst)
    moves += 1
    moves += hanoi(n - 1, tmp, dst, src)
    return moves


def fsum_rec(n):
    if n == 0:
        return 0.0
    return 1.0 / n + fsum_rec(n - 1)


def entry_point(argv):
    n = int(argv[1])
    m = int(argv[2])
    k = int(argv[3])
    print(fib(n), fib_iter(n), fib(0), fib(1), fib(2), fib_iter(91))
    for i in range(m + 1):
        for j in range(k + 1):
            print("ack", i, j, ack(i, j))
    print(fact(20), fact(0), fact(k))
    print(binom(16, 8), binom(n, 3), binom(5, 0))
    print(hanoi(10, 1, 3, 2), hanoi(k, 1, 2, 3))
    print(fsum_rec(100), fsum_rec(n))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
