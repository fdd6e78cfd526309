# args: 10 3 -2
"""range() with 1, 2 and 3 arguments: negative steps, non-unit steps, empty ranges, large bounds."""
import sys

BIG = 9223372036854775807


def sum_range3(a, b, s):
    mix = 0
    small = 0
    count = 0
    last = 0
    for i in range(a, b, s):
        mix = mix ^ i
        small += i % 1000
        count += 1
        last = i
    print("range", a, b, s, "count", count, "mix", mix, "small", small, "last", last)
    return count


def entry_point(argv):
    n = int(argv[1])
    step = int(argv[2])
    neg = int(argv[3])
    for i in range(n, 0, -1):
        print(i)
    sum_range3(0, n, step)
    sum_range3(n, 0, neg)
    sum_range3(n, -n, neg)
    sum_range3(-n, n, step)
    sum_range3(0, 0, 1)
    sum_range3(5, 3, 1)
    sum_range3(3, 5, -1)
    sum_range3(0, n, n)
    sum_range3(0, n, n + 1)
    sum_range3(0, n + 1, n)
    sum_range3(-1, -n, -step)
    sum_range3(100, 7, -7)
    sum_range3(BIG - 10, BIG, 3)
    sum_range3(-BIG, -BIG + 10, 4)
    sum_range3(BIG - 5, BIG - 20, -5)
    sum_range3(0, BIG, BIG // 3)
    sum_range3(-BIG, BIG, BIG)
    sum_range3(BIG, -BIG, -BIG)
    c = 0
    for i in range(n):
        c += i
    print(c)
    for i in range(-3):
        print("never")
    for i in range(0):
        print("never")
    for i in range(neg, step):
        print("two-arg", i)
    total = 0
    for i in range(n, -n - 1, neg * 3):
        for j in range(i, n, step):
            total += j
    print(total)
    k = 0
    for i in range(3, 30, 4):
        k = k * 2 + i
    print(k)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
