"""The default demo target: naive recursive Fibonacci.

usage: targetfib-c [N]     (default 30)
"""
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def entry_point(argv):
    n = 30
    if len(argv) > 1:
        n = int(argv[1])
    print("fib(", n, ") =", fib(n))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
