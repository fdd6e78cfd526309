# ord() of the characters of a loop and int() of slices, which the
# optimiser reads in place: the results must match CPython's, errors too.


def checksum(s):
    h = 5381
    for c in s:
        h = (h * 33 + ord(c)) & 0x3FFFFFFF
    return h


def digits(s):
    total = 0
    for c in s:
        total += ord(c) - ord("0")
    return total


def last_char(s):
    c = "?"
    for c in s:
        pass
    return c


def parse_fields(line):
    out = []
    for field in line.split(";"):
        eq = field.find("=")
        if eq < 0:
            continue
        out.append(int(field[eq + 1:]))
    return out


def slice_int(s, a, b):
    try:
        return int(s[a:b])
    except ValueError as e:
        print("ValueError:", e)
        return -1


def entry_point(argv):
    print(checksum("hello world"), checksum("héllo wörld ☃"), checksum(""))
    print(digits("123456789"), digits("٣"))
    print(last_char("abc"), last_char(""), last_char("xé"))
    print(parse_fields("a=1;b=-20;c=+3;d= 4 ;e=0005;f"))
    s = "x=1234567890123456789"
    print(slice_int(s, 2, 100), slice_int(s, 2, 5), slice_int(s, -3, len(s)))
    print(slice_int("n=12_000", 2, 10), slice_int("é=42", 2, 4))
    print(slice_int("k=4a", 2, 4), slice_int("k=", 2, 4), slice_int("k= ", 2, 4))
    print(slice_int("α=٣٤", 2, 4))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
