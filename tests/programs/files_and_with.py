import sys


def write_numbers(path, n):
    with open(path, "w") as f:
        for i in range(n):
            f.write("line %d\n" % i)
        f.write("last line without newline")


def entry_point(argv):
    path = "/tmp/rpy-test-files-and-with.txt"
    write_numbers(path, 3)
    f = open(path)
    print(repr(f.read()))
    f.close()
    print(f.closed)
    with open(path) as f:
        print(repr(f.readline()), repr(f.readline()))
        print(f.readlines())
    print(f.closed)
    count = 0
    for line in open(path):
        count += len(line)
    print(count)
    with open(path, "a") as f:
        n = f.write("\nappended é\n")
    print(n)
    with open(path, "rb") as f:
        data = f.read()
    print(len(data), data[-4:])
    with open(path, "r") as f:
        print(f.read(5), f.read(3))
        lines = [l.strip() for l in f]
    print(lines)
    with open(path, "wb") as f:
        f.write(b"\xff\xfe bad utf8\r\nx\ry")
    with open(path) as f:
        try:
            f.read()
        except UnicodeDecodeError as e:
            print("decode error:", e)
    with open(path, "rb") as f:
        for b in f.readlines():
            print(b)
    try:
        open("no/such/file.txt")
    except FileNotFoundError as e:
        print(e)
    try:
        f.read()
    except ValueError as e:
        print(e)
    g = open(path, "r")
    try:
        g.write("x")
    except OSError as e:
        print("unsupported:", e)
    g.close()
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
