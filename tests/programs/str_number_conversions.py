def parse_int(s, base):
    try:
        print(repr(s), base, int(s, base))
    except ValueError as e:
        print(repr(s), base, "ValueError", e)


def parse_int10(s):
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)


def parse_float(s):
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)


def entry_point(argv):
    for s, b in [("ff", 16), ("FF", 16), ("0xff", 16), ("0x1F", 0), ("0o17", 0), ("0b101", 0), ("101", 2),
                 ("-101", 2), ("z", 36), ("Zz", 36), ("777", 8), ("0o777", 8), (" 42 ", 10), ("1_000", 10),
                 ("12", 3), ("0", 0), ("00", 0), ("010", 0), ("", 10), ("0x", 16), ("g", 16),
                 ("+7f", 16), ("-0b11", 0), ("1__0", 10), ("_1", 10), ("9", 8)]:
        parse_int(s, b)
    for s in ["0", "-0", "+12", "  -34\n", "1_2_3", "12.5", "1e3", "abc", "", " ", "٣٤", "0x10", "--1", "9223372036854775807"]:
        parse_int10(s)
    for s in ["1.5", "-2.25e-3", "  3.0  ", "inf", "-Infinity", "nan", "1e400", "-1e-400", "1_000.5", ".5", "5.",
              "0x1p3", "abc", "", "1.2.3", "1e", "+.5e+2", "NaN", "-nan", "1e-5", "123456789012345678901234567890"]:
        parse_float(s)
    for n in [0, 1, -1, 255, -255, 4096, 9223372036854775807, -9223372036854775807 - 1]:
        print(n, hex(n), oct(n), bin(n) if -5000 < n < 5000 else "-", str(n), repr(n))
    for x in [0.0, -0.0, 1.0, 0.1, 1.0 / 3.0, 1e16, 1e-5, 123456789.125, 1e22, 1.5e300, -2.5e-300, 2.0 ** 53 + 1.0]:
        print(str(x), repr(x), int(x) if abs(x) < 1e18 else 0, float(str(x)) == x)
    print(str(True), str(False), repr(None), str(None), int(True), float(False), int("7") + int(3.99), int(-3.99))
    print(str(12) + str(-0.5), len(str(10 ** 18)), str(2 ** 63 - 1))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
