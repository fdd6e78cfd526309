import os
import sys

PATH = "/tmp/rpy-translator-test-bytes-and-os.txt"


def checksum(data):
    total = 0
    for x in data:
        total = (total * 31 + x) % 1000003
    return total


def write_file(text):
    fd = os.open(PATH, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    n = os.write(fd, text.encode("utf-8"))
    os.close(fd)
    return n


def read_file(chunk):
    fd = os.open(PATH, os.O_RDONLY)
    pieces = []
    while True:
        data = os.read(fd, chunk)
        if len(data) == 0:
            break
        pieces.append(data)
    os.close(fd)
    result = b""
    for p in pieces:
        result = result + p
    return result


def entry_point(argv):
    b = b"hello\x00\xff'world\n"
    print(b, len(b), b[0], b[-1], b[6], b[7])
    print(b[1:4], b[::-1], b[::3], b[100:])
    print(b + b"!", b"ab" * 3, 2 * b"xy", b"" * 5)
    print(b == b"hello", b != b"x", b"abc" < b"abd", b"b" > b"abc", b"ell" in b, b"zz" not in b)
    print(repr(b'"quoted"'), str(b"it's"), repr(b"both ' and \""))
    if b"":
        print("empty is true")
    else:
        print("empty is false")
    s = "héllo wörld ✓"
    e = s.encode("utf-8")
    print(len(s), len(e), e, e.decode("utf-8") == s, e.decode())
    n = write_file("line one\nline two ✓\n" * 50)
    print("wrote", n)
    for chunk in [1, 7, 4096]:
        data = read_file(chunk)
        print(chunk, len(data), checksum(data), data[:9], data.decode("utf-8")[-10:])
    sys.stdout.write("via sys.stdout.write\n")
    k = sys.stdout.write("ünï\n")
    print(k)
    sys.stdout.flush()
    os.write(1, b"")
    try:
        os.open("/nonexistent/dir/file.txt", os.O_RDONLY)
    except OSError as err:
        print("OSError:", err)
    try:
        os.open("/tmp/this-file-does-not-exist-rpy.txt", os.O_RDONLY)
    except FileNotFoundError as err:
        print("FileNotFoundError:", err)
    try:
        os.read(12345, 10)
    except OSError as err:
        print("read:", err)
    try:
        os.close(12345)
    except OSError as err:
        print("close:", err)
    for bad in [b"\xff", b"ab\xc3", b"\xe2\x28\xa1", b"\xed\xa0\x80", b"\xc0\xaf"]:
        try:
            print(bad.decode("utf-8"))
        except UnicodeDecodeError as err:
            print("decode:", err)
        except ValueError as err:
            print("value:", err)
    try:
        print(b[20])
    except IndexError as err:
        print("IndexError:", err)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
