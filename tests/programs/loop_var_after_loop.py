# args: 5 2
"""Value of the loop variable after a for loop completes, breaks, or runs over a negative-step range."""
import sys


def last_index(n):
    i = -1
    for i in range(n):
        pass
    return i


def break_index(n, stop):
    j = -100
    for j in range(0, n * 10, 3):
        if j >= stop:
            break
    return j


def entry_point(argv):
    n = int(argv[1])
    s = int(argv[2])
    for i in range(n):
        pass
    print("after range(n)", i)
    for i in range(n, 0, -s):
        pass
    print("after negative step", i)
    for i in range(1, n * 4, s):
        if i > 6:
            break
    print("after break", i)
    k = 77
    for k in range(0):
        pass
    print("after empty range", k)
    k = 77
    for k in range(n, n):
        pass
    print("after empty two-arg range", k)
    print(last_index(n), last_index(0), last_index(1))
    print(break_index(n, 7), break_index(n, 1000), break_index(0, 0))
    w = 0
    while w < n:
        w += s
    print("after while", w)
    total = 0
    for a in range(n):
        for b in range(a):
            total += b
    print("nested after", a, b, total)
    for x in range(n):
        x = x * 100
    print("reassigned inside", x)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
