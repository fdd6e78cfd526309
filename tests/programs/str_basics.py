def entry_point(argv):
    n = 42
    x = 3.14159
    name = "world"
    print("hello %s, n=%d x=%.3f" % (name, n, x))
    print("%5d|%-5d|%05d|%x|%X|%o|%c" % (n, n, n, 255, 255, 8, 65))
    print("%s %s %s %r" % (n, x, True, name))
    print("%10.4f|%-10s|%e|%g" % (x, name, x * 1e10, x))
    print("%d%%" % 50)
    print("%.9f" % (x / 7.0))
    s = "abc" + "def"
    print(s, len(s), s[0], s[-1], s[1:4], s[::-1], s * 2)
    print(str(12) + str(1.5) + str(False), repr("it's"))
    print("b" < "c", "abc" <= "abd", "x" in "xyz", "q" not in "xyz")
    print(ord("A"), chr(66), hex(255), oct(8), bin(5), int("ff", 16), float("2.5"))
    words = "  the quick  brown fox ".split()
    print(len(words), words[0], "-".join(words))
    print(len("a,b,,c".split(",")), "Hello".upper(), "Hello".lower())
    print("  pad  ".strip() + "|", "xxhixx".strip("x"), "hello".find("l"), "hello".rfind("l"))
    print("hello".replace("l", "L"), "hello".startswith("he"), "hello".endswith("lo"), "a1".isalnum())
    print("42".zfill(5), "ab".ljust(4) + "|", "ab".rjust(4), "ab".center(6, "*"), "hello".count("l"))
    total = 0
    for ch in "hello":
        total += ord(ch)
    print(total)
    try:
        print("abc".index("z"))
    except ValueError as e:
        print("ValueError", e)
    try:
        print("abc"[5])
    except IndexError as e:
        print("IndexError", e)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
