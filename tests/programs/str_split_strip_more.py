def entry_point(argv):
    s = "a,b,,c,"
    print(s.split(","), s.split(",", 1), s.split(",", 2), s.split(",", 0), s.split(",", -1))
    print(s.rsplit(","), s.rsplit(",", 1), s.rsplit(",", 2), s.rsplit(",", 0))
    w = "  one  two\tthree\nfour   "
    print(w.split(), w.split(None, 1), w.rsplit(None, 1), w.split(" "), w.rsplit())
    print("".split(), "".split(","), "   ".split(), "x".split("x"), "xx".split("x"))
    print("a--b--c".split("--"), "a--b--c".rsplit("--", 1), "abc".split("abcd"))
    try:
        print("abc".split(""))
    except ValueError as e:
        print("ValueError", e)
    try:
        print("abc".rsplit(""))
    except ValueError as e:
        print("ValueError", e)
    text = "line1\nline2\r\nline3\rline4\n\nlast"
    print(text.splitlines(), "".splitlines(), "x\n".splitlines(), "\n\n".splitlines())
    print("  hi  ".strip() + "|", "  hi  ".lstrip() + "|", "  hi  ".rstrip() + "|")
    print("xyhixy".strip("xy"), "xyhixy".lstrip("xy"), "xyhixy".rstrip("yx"), "aaa".strip("a") + "|")
    print("\t\n hi \r\n".strip() + "|", "..a.b..".strip("."), "abc".strip(""), "".strip())
    print("hello".startswith("he"), "hello".startswith("lo"), "hello".endswith("lo"), "hello".endswith(""))
    print("hello".find("l"), "hello".find("l", 3), "hello".find("l", 4), "hello".find("z"), "hello".find(""))
    print("hello".rfind("l"), "hello".rfind("l", 0, 3), "hello".rfind("z"), "hello".rfind(""), "hello".find("lo", 1, 4))
    print("hello".index("e"), "hello".rindex("l"), "abcabc".index("c", 3), "abcabc".rindex("a", 0, 3))
    try:
        print("hello".index("z"))
    except ValueError as e:
        print("ValueError", e)
    try:
        print("hello".rindex("z"))
    except ValueError as e:
        print("ValueError", e)
    print("banana".count("a"), "banana".count("an"), "banana".count(""), "aaaa".count("aa"))
    print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("", "-"), "banana".replace("x", "y"))
    print("banana".replace("an", ""), "aaa".replace("a", "aa"), "banana".replace("a", "o", 0), "banana".replace("a", "o", -1))
    print("-".join(["a", "b", "c"]), "".join([]), ", ".join(["x"]), "/".join(list("abc")), "+".join([str(i) for i in range(4)]))
    print("Hello World".lower(), "Hello World".upper(), "123".isdigit(), "12a".isdigit(), "".isdigit())
    print("abc".isalpha(), "ab1".isalpha(), "ab1".isalnum(), "ab 1".isalnum(), " \t\n".isspace(), "".isspace())
    print("ABC".isupper(), "AbC".isupper(), "abc".islower(), "ab1".islower(), "123".isupper(), "A1".isupper())
    print("42".zfill(6), "-42".zfill(6), "+42".zfill(6), "abc".zfill(2), "".zfill(3))
    print("ab".ljust(5, "*"), "ab".rjust(5, "*"), "ab".center(5, "*"), "ab".center(6), "abc".center(2), "a".center(4, "-"))
    print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
    try:
        print("abc".partition(""))
    except ValueError as e:
        print("ValueError", e)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
