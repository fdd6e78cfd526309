def entry_point(argv):
    s = "café 漢字 🎉!"
    print(s, len(s), s[3], s[5], s[-2], s[-1])
    print(s[::-1], s[2:7], s[::2], s[-4:-1])
    for ch in "é漢🎉":
        print(ch, ord(ch), hex(ord(ch)), repr(ch))
    print(chr(233), chr(0x6f22), chr(0x1F389), chr(0x7f), repr(chr(0x7f)), repr(chr(0)), repr(chr(0xa0)))
    print(repr("tab\there"), repr("new\nline"), repr("quote'"), repr('dq"'), repr("both'\""), repr("back\\slash"))
    print(repr("é"), repr("\u200b"), repr("\x1b[0m"), repr("🎉"), repr("\u0301"))
    print("É".lower(), "é".upper(), "straße".upper(), "ǅ".lower(), "ΣΑΣ".lower(), "ﬁ".upper())
    print("漢字".isalpha(), "é".isalpha(), "١٢٣".isdigit(), "²".isdigit(), "Ⅻ".isalnum(), "\u3000".isspace())
    print("É".isupper(), "é".islower(), "漢".isupper(), "漢".islower())
    t = "ñandú"
    print(t.find("d"), t.index("ú"), t.count("n"), t.replace("ñ", "n"), t.center(9, "·"), t.rjust(7, "é"))
    print(t.split("a"), t.partition("n"), "→".join(["a", "b"]), "x→y→z".split("→"))
    print(t.startswith("ña"), t.endswith("dú"), "é" in t, "ú" in t, "u" in t)
    print("é" < "z", "z" < "é", "漢" > "é", "🎉" > "漢", "abc" < "abd", "ab" < "abc", "" < "a")
    print("é" == "e\u0301", len("e\u0301"), "é".zfill(3), "  é  ".strip() + "|")
    words = ["zebra", "émile", "apple", "Zoo", "漢字", "ábc"]
    print(sorted(words), max(words), min(words))
    b = s.encode("utf-8")
    print(len(b), b, b.decode("utf-8") == s)
    print(str(len("🎉🎉")), "🎉" * 3, "ab" + "é" * 2)
    total = 0
    for c in s:
        total += ord(c)
    print(total)
    print("%s|%5s|%-5s|" % ("é", "漢字", "🎉"))
    print(f"{'é':>4}|{'漢':^5}|{'🎉':*<3}|")
    print("{:>4}|{:^5}".format("ñ", "ü"))
    try:
        print(ord("ab"))
    except TypeError as e:
        print("TypeError", e)
    try:
        print(chr(-1))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(chr(0x110000))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(s[100])
    except IndexError as e:
        print("IndexError", e)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
