import sys


def entry_point(argv):
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5)]:
        print(divmod(a, b), a // b, a % b)
    for x, y in [(7.5, 2.0), (-7.5, 2.0), (7.0, -2.5), (1e300, 3.0), (-0.0, 1.0)]:
        print(divmod(x, y))
    print(divmod(7, 2.0), divmod(True, 2))
    try:
        print(divmod(1, 0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(divmod(1.0, 0.0))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1e15 + 0.5, -3.7, 3.2]:
        print(round(v), round(v, 2), round(v, 1), round(v, 0), round(v, -1))
    for n in [1234, -1250, 1350, 15, 25, -35, 0]:
        print(round(n), round(n, -1), round(n, -2), round(n, 2))
    print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1234.5678, -2), round(5e-324, 400))
    print(round(123456789.987654321, 3), round(-0.0001, 2), round(1.0e-5, 5), round(9.995, 2))
    try:
        print(round(float("inf")))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        print(round(float("nan")))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(round(1.7976931348623157e308, -308))
    except OverflowError as e:
        print("OverflowError:", e)
    for h in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 62), 9223372036854775807]:
        print(hash(h), end=" ")
    print()
    for f in [0.0, -0.0, 1.0, 1.5, -2.25, 1e100, 3.141592653589793, float("inf"), float("-inf")]:
        print(hash(f), end=" ")
    print()
    print(hash(True), hash(False), hash("abc") == hash("ab" + "c"))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
