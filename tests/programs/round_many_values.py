import sys


def entry_point(argv):
    state = 12345
    total = 0
    for i in range(3000):
        state = (state * 1103515245 + 12345) % 2147483648
        mant = (state * 7919) % 1000000007
        e = (state >> 8) % 13 - 6
        x = mant / 1000.0 * (10.0 ** e)
        if state % 3 == 0:
            x = -x
        if state % 5 == 0:
            x = (mant % 2000) / 8.0
        n = (state >> 16) % 9 - 4
        r = round(x, n)
        print(repr(r))
        total += round(x)
    print(total)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
