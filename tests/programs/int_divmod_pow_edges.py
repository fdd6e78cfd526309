def entry_point(argv):
    vals = [7, -7, 1, -1, 0, 13, -13, 9223372036854775807]
    divs = [2, -2, 3, -3, 7, -7, 1]
    for a in vals:
        row = []
        for b in divs:
            row.append("%d,%d,%s" % (a // b, a % b, divmod(a, b)))
        print(a, " ".join(row))
    for fa in [7.5, -7.5, 0.0, -0.0, 1e10]:
        print(fa, fa // 2.0, fa % 2.0, fa // -2.0, fa % -2.0, divmod(fa, 3.0), divmod(fa, -3.0))
    print(2 ** 10, 2 ** 62, (-2) ** 63, (-3) ** 3, 0 ** 0, 5 ** 0, 2 ** -1, 10 ** -2)
    print(pow(3, 4), pow(2, 0), pow(2.0, 0.5), pow(-2, 3), pow(10, -1))
    print(1 << 0, 1 << 10, 1 << 62, 5 >> 1, -5 >> 1, -1 >> 60, 1024 >> 20, -1024 >> 3, 255 << 54)
    print(~0, ~5, ~-6, 6 & -3, 6 | -3, 6 ^ -3, -1 & 0xFF, 0x7FFFFFFFFFFFFFFF & -2)
    try:
        print(1 << -1)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(1 >> -3)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(divmod(5, 0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(5 % 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(divmod(5.0, 0.0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(0 ** -1)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 123.456, -123.456, 1e15 + 0.5, 0.0]:
        print(x, round(x), round(x, 1), round(x, 2), round(x, 0), round(x, -1), round(x, -2))
    print(round(15), round(-25, -1), round(15, -1), round(1234567, -3), round(7, 2), round(-5, -1))
    print(abs(-3) + abs(4), -7 // 2 * 2 + -7 % 2, 7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 ** 0.5)
    n = 1
    for i in range(38):
        n = n * 3 + 1
    print(n)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
