def collect(a, b, c):
    out = []
    for i in range(a, b, c):
        out.append(i)
    return out


def entry_point(argv):
    for a, b, c in [(0, 10, 3), (10, 0, -3), (0, 10, -1), (10, 0, 1), (-5, 5, 2), (5, -5, -2), (0, 1, 100),
                    (0, -1, -100), (3, 4, 1), (-1, -10, -4), (7, 7, 1), (7, 7, -1), (-3, 3, 3)]:
        print(a, b, c, collect(a, b, c), len(collect(a, b, c)))
    big = 9223372036854775807
    cnt = 0
    for i in range(big - 3, big):
        cnt += 1
        last = i
    print(cnt, last)
    cnt = 0
    for i in range(-big - 1, -big + 2):
        cnt += 1
        last = i
    print(cnt, last)
    for i in range(big - 10, big, 4):
        print("step4", i)
    for i in range(-big, -big - 1, -1):
        print("down", i)
    print(list(reversed(range(5))), list(reversed(range(2, 6))), list(reversed(range(0))))
    print(list(reversed([1, 2, 3])), list(reversed(["a"])), "".join(list(reversed(list("héllo")))))
    xs = [10, 20, 30]
    for i in reversed(range(len(xs))):
        xs.insert(i, -i)
    print(xs)
    n = 0
    for i in range(10):
        if i == 5:
            break
        n += i
    else:
        n = -1
    print(n, i)
    for j in range(0):
        print("never")
    else:
        print("empty else")
    try:
        for k in range(1, 10, 0):
            print(k)
    except ValueError as e:
        print("ValueError", e)
    total = 0
    for i in range(1000, -1000, -7):
        total += i
    print(total, sum([x for x in range(-50, 50, 3)]))
    m = 3
    for i in range(m):
        m += 1
    print(m)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
