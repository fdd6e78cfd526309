def hexdump(b):
    parts = []
    for x in b:
        parts.append("%02x" % x)
    return " ".join(parts)


def decode_show(b):
    try:
        print(repr(b.decode("utf-8")))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)


def entry_point(argv):
    texts = ["", "ascii", "café", "漢字", "🎉", "mix é漢🎉 end", "\x00\x7f\x80"]
    for t in texts:
        b = t.encode("utf-8")
        print(len(t), len(b), b, hexdump(b), b.decode("utf-8") == t)
    b = "héllo".encode()
    print(b[0], b[1], b[2], b[-1], b[1:3], b[::-1], b[::2], b[-2:])
    print(b == b"h\xc3\xa9llo", b != b"hello", b < b"hz", b"abc" < b"abd", b"ab" < b"abc", b"" < b"\x00")
    print(b"b" > b"a", b"\xff" > b"\x7f", b"abc" <= b"abc", b"abd" >= b"abc")
    print(b"ll" in b, b"xyz" in b, b"" in b)
    print(b + b"!" * 2, len(b * 3), b"-" * 0)
    print(repr(b"quote'"), repr(b'dq"'), repr(b"both'\""), b"\t\n\r\\", b"\x00\x01\xfe")
    total = 0
    for x in b:
        total += x
    print(total, [x for x in b"AZaz09"])
    decode_show(b"\xff")
    decode_show(b"abc\xc3")
    decode_show(b"\xc3\x28")
    decode_show(b"\xe6\xbc")
    decode_show(b"ok\xed\xa0\x80")
    decode_show(b"\xf0\x9f\x8e\x89")
    decode_show(b"\xf8\x88\x80\x80\x80")
    decode_show(b"\xc0\xaf")
    decode_show(b"")
    try:
        print(b[100])
    except IndexError as e:
        print("IndexError", e)
    s = "".join([chr(c) for c in range(60, 70)])
    print(s, s.encode("utf-8"), len(s.encode("utf-8")))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
