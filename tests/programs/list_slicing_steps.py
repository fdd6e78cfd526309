def entry_point(argv):
    a = [i * 10 for i in range(10)]
    print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-3], a[-5:-2])
    print(a[::2], a[1::3], a[::-1], a[::-2], a[8:2:-2], a[2:8:-1])
    print(a[-1:-6:-1], a[100:], a[-100:2], a[5:100], a[3:3], a[6:2])
    print(a[::7], a[::100], a[::-100], a[-100:100:3], a[100:-100:-4])
    n = len(a)
    for step in [1, 2, 3, -1, -2, -3]:
        row = []
        for start in [-12, -3, 0, 4, 12]:
            row.append(len(a[start::step]))
        print(step, row)
    for i in range(-11, 12, 5):
        for j in range(-11, 12, 7):
            print(i, j, a[i:j], a[i:j:-1], a[j:i:2])
    s = ["a", "b", "c", "d", "e", "f"]
    print(s[1:-1], s[::-3], s[4:0:-2])
    t = s[:]
    t[1:3] = ["X", "Y", "Z"]
    print(t, s)
    t[::2] = ["1", "2", "3", "4"]
    print(t)
    t[-2:] = []
    print(t)
    t[0:0] = ["start"]
    print(t)
    del t[::3]
    print(t)
    del t[-1:0:-1]
    print(t)
    b = a[:]
    try:
        b[::2] = [1, 2]
    except ValueError as e:
        print("ValueError", e)
    try:
        b[::0] = [1]
    except ValueError as e:
        print("ValueError", e)
    try:
        print(b[::0])
    except ValueError as e:
        print("ValueError", e)
    b[1:9:3] = [-1, -2, -3]
    print(b)
    del b[::-4]
    print(b)
    fl = [0.5 * i for i in range(7)]
    print(fl[::3], fl[5:1:-2])
    nested = [[i, i * i] for i in range(5)]
    part = nested[1:4]
    part[0].append(100)
    print(nested, part)
    lo = 2
    hi = n - 2
    print(a[lo:hi], a[hi:lo:-1], a[lo:hi][::-1], a[lo:][:3])
    x = a[-1:]
    print(x, len(a[5:5]), sum(a[::3]))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
