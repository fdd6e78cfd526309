# args: 6 4
"""Nested for/while loops with break and continue at various depths."""
import sys


def find_pair(n, target_sum):
    for i in range(n):
        for j in range(i, n):
            if i * j == target_sum:
                return i * 100 + j
    return -1


def entry_point(argv):
    n = int(argv[1])
    m = int(argv[2])
    total = 0
    for i in range(n):
        if i == 2:
            continue
        for j in range(m):
            if j == i:
                break
            if (i + j) % 3 == 0:
                continue
            total += i * 10 + j
        print("outer", i, total)
    print(total)
    count = 0
    i = 0
    while i < n * 3:
        i += 1
        if i % 2 == 0:
            continue
        j = 0
        while True:
            j += 1
            if j > m:
                break
            if j % 2 == 1:
                continue
            count += i * j
        if count > 200:
            break
    print(i, count)
    found = 0
    for a in range(1, 20):
        for b in range(1, 20):
            for c in range(1, 30):
                if a * a + b * b == c * c and a < b:
                    found += 1
                    print("triple", a, b, c)
                    break
                if c > a + b:
                    break
    print(found)
    print(find_pair(n * 3, 12), find_pair(n, 1000), find_pair(10, 0))
    k = 0
    steps = 0
    while k < 100:
        steps += 1
        if k % 7 == 3:
            k += 5
            continue
        k += 2
    print(k, steps)
    s = 0
    for i in range(n):
        for j in range(m):
            for l in range(3):
                if l == 1:
                    continue
                if j == 2:
                    break
                s += i + j + l
    print(s)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
