# args: 500 37
"""Mutual recursion: is_even/is_odd to depth 500 and a three-way mutually recursive sequence."""
import sys


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hof_f(n):
    if n == 0:
        return 1
    return n - hof_m(hof_f(n - 1))


def hof_m(n):
    if n == 0:
        return 0
    return n - hof_f(hof_m(n - 1))


def ping(n, acc):
    if n <= 0:
        return acc
    return pong(n - 1, acc + n)


def pong(n, acc):
    if n <= 0:
        return acc
    return pang(n - 2, acc * 2 % 1000003)


def pang(n, acc):
    if n <= 0:
        return acc
    return ping(n - 1, acc - 7)


def entry_point(argv):
    n = int(argv[1])
    m = int(argv[2])
    print(is_even(n), is_odd(n), is_even(n - 1), is_odd(n - 1), is_even(0), is_odd(0))
    print(is_even(m), is_odd(m))
    fs = 0
    ms = 0
    for i in range(m):
        fs = fs * 3 + hof_f(i)
        ms = ms * 3 + hof_m(i)
        fs = fs % 1000000007
        ms = ms % 1000000007
    print(fs, ms, hof_f(m), hof_m(m))
    print(ping(n, 0), ping(m, 1), pong(m, 5), pang(m, 9))
    evens = 0
    for i in range(0, 60):
        if is_even(i * 7):
            evens += 1
    print(evens)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
