#!/usr/bin/env python3
"""Writes tests/bytes_cases.h: what CPython gives for the bytes operations
test_bytes.c checks (slicing, repr, UTF-8 decoding).

    python3 tools/gen_bytes_cases.py > tests/bytes_cases.h
"""
import sys

INT64_MIN, INT64_MAX = "INT64_MIN", "INT64_MAX"


def c_bytes(b):
    """A C string literal for b (octal escapes, so any byte may follow)."""
    out = []
    for c in b:
        if c in (0x22, 0x5C, 0x3F):  # " \ ? (no trigraphs)
            out.append("\\%03o" % c)
        elif 0x20 <= c < 0x7F:
            out.append(chr(c))
        else:
            out.append("\\%03o" % c)
    return '"' + "".join(out) + '"'


def c_str(s):
    return c_bytes(s.encode("utf-8"))


def bound(v, missing):
    return missing if v is None else str(v)


def main():
    w = sys.stdout.write
    w("/* Expected results for test_bytes.c, computed with CPython %d.%d by\n"
      " * tools/gen_bytes_cases.py.  Byte strings carry their length (they may\n"
      " * hold NUL bytes); INT64_MIN / INT64_MAX stand for a missing slice\n"
      " * bound, as in str_cases.h. */\n" % sys.version_info[:2])
    w("#ifndef RPY_TEST_BYTES_CASES_H\n#define RPY_TEST_BYTES_CASES_H\n\n"
      "#include <stdint.h>\n\n")

    datas = [b"", b"\xff", b"ab\x00\xff\xc3\xa9z", b"\x80\x81\x82"]
    bounds = [None, -9, -2, -1, 0, 1, 3, 9]
    steps = [None, 1, 2, 5, -1, -2, -3]
    w("typedef struct {\n    const char *data;\n    int64_t n, start, stop, step;\n"
      "    const char *want;\n    int64_t want_n;\n} bytes_slice_case;\n")
    w("static const bytes_slice_case bytes_slice_cases[] = {\n")
    for d in datas:
        for start in bounds:
            for stop in bounds:
                for step in steps:
                    r = d[start:stop:step]
                    st = 1 if step is None else step
                    # Missing bounds as generated code passes them.
                    w("    {%s, %d, %s, %s, %d, %s, %d},\n" % (
                        c_bytes(d), len(d), bound(start, INT64_MIN), bound(stop, INT64_MAX),
                        st, c_bytes(r), len(r)))
    w("};\n\n")

    reprs = [b"", b"a", b"'", b'"', b"'\"", b"it's", b'say "hi"', b"a\\b",
             b"\t\n\r\x00\x1f\x7f\x80\xff ~", bytes(range(256)),
             "h\u00e9llo".encode(), b"\\'"]
    w("typedef struct {\n    const char *data;\n    int64_t n;\n    const char *want;\n} bytes_repr_case;\n")
    w("static const bytes_repr_case bytes_repr_cases[] = {\n")
    for d in reprs:
        w("    {%s, %d, %s},\n" % (c_bytes(d), len(d), c_str(repr(d))))
    w("};\n\n")

    decodes = [
        b"", b"hello", "h\u00e9llo".encode(), "\u65e5\u672c\u8a9e".encode(),
        "a\U0001F600b".encode(), "\x80\u07ff\u0800\ud7ff\ue000\uffff\U00010000\U0010ffff".encode(),
        b"\x00", b"\x7f",
        b"\xff", b"abc\xe2x", b"ab\xe2\x82", b"\xe2", b"\xc0\x80", b"\xc1\xbf",
        b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf0\x80\x80\x80",
        b"\xf0\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf0\x90\x80", b"\xf0\x90\x80x",
        b"\xe2\x82x", b"\xe0\x80", b"\xed\xa0", b"\xf5", b"\x80", b"ok\xc3", b"\xc3\xa9\xc3",
        b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80\xf0", b"\xf8\x88\x80\x80\x80", b"a\xc3(",
        b"\xc3\xa9" * 40 + b"\xfe", b"x\xf4\x8f\xbf\xbf\xf4\x8f\xbf",
    ]
    w("/* want NULL: the decoding fails with UnicodeDecodeError `err`. */\n")
    w("typedef struct {\n    const char *data;\n    int64_t n;\n    const char *want;\n"
      "    int64_t nchars;\n    const char *err;\n} bytes_decode_case;\n")
    w("static const bytes_decode_case bytes_decode_cases[] = {\n")
    for d in decodes:
        try:
            s = d.decode("utf-8")
            w("    {%s, %d, %s, %d, 0},\n" % (c_bytes(d), len(d), c_str(s), len(s)))
        except UnicodeDecodeError as e:
            w("    {%s, %d, 0, 0, %s},\n" % (c_bytes(d), len(d), c_str(str(e))))
    w("};\n\n#endif\n")


main()
