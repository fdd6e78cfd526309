def entry_point(argv):
    t = "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i\r\nj"
    print(t.splitlines(), len(t.splitlines()))
    u = "x\u3000y\xa0z\u2003w\x1cv"
    print(u.split(), u.strip("xv"), ("\u3000" + u + "\xa0").strip(), u.rsplit(None, 2))
    print("banana".replace("", "-", 3), "".replace("", "x"), "abc".replace("", ""), "aaaa".replace("aa", "b", 1))
    s = "hello world"
    print(s.find("o", -5), s.find("o", -100, -3), s.rfind("o", -4), s.find("", 20), s.find("", 11), s.rfind("", 3, 5))
    print(s.index("o", 5), s.rindex("l", 0, -2), s.find("l", 5, 2))
    print(round(1.23456789, 10), round(2.5, 20), round(1e300, -300), round(123.456, -5), round(-0.0, 2), round(0.5, -1))
    print(round(5, -1), round(15, -1), round(25, -1), round(-15, -1), round(123456789, -8), round(1, 100))
    print("é".center(4), "é".center(3, "漢"), "ab".center(3), "abc".center(4), "abc".center(6), "a".center(2))
    print("%s" % "", "%5s|" % "é", "%-5s|" % "漢字", "%.1s" % "漢字")
    print("x".join(["", ""]), "ab".join(["1"]), ",".join(["a", "", "b", ""]))
    print("a b  c".split(" "), "a b  c".split(" ", 1), " a b ".split(" "), "a,b".split(",", 5), "a".rsplit("a"))
    print("1,2,3".rsplit(",", 1), ",,".rsplit(","), "abcabc".rpartition("bc"), "abc".rpartition("x"))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
