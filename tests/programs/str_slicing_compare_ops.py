def entry_point(argv):
    s = "0123456789"
    u = "aé漢🎉bç"
    print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[::2], s[1::3], s[::-1], s[::-3], s[8:2:-2], s[2:8:-1])
    print(s[100:], s[-100:3], s[5:100], s[3:3], s[6:2], repr(s[10:]), s[-1:-4:-1], s[::100], s[::-100])
    print(u[1:4], u[::-1], u[::2], u[-2:], u[1:-1:2], u[5:0:-2], len(u[1:4]))
    for step in [1, 2, -1, -2, 3]:
        out = []
        for start in [-20, -5, 0, 3, 20]:
            for stop in [-20, -2, 0, 4, 20]:
                out.append(s[start:stop:step])
        print(step, "|".join(out))
    a = "abc"
    b = "abd"
    print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == "abc", "" == "", "a" < "B", "Z" < "a")
    print("abc" < "abcd", "abcd" < "abd", "" < " ", "\x00" < "\x01", "é" > "z", "é" < "ê")
    words = ["delta", "Alpha", "charlie", "bravo", "alpha", "Bravo", "", "echo"]
    print(sorted(words), sorted(words, key=lambda w: w.lower()), min(words), max(words))
    print("ab" + "cd", "ab" * 3, "ab" * 0, "ab" * -2, 3 * "x", "" * 10, "-" * 20)
    t = ""
    for i in range(5):
        t = t + str(i) + ","
    print(t, len(t), t[:-1])
    print("c" in "abc", "bc" in "abc", "" in "abc", "abcd" in "abc", "ac" not in "abc", "漢" in u)
    cnt = 0
    for ch in s:
        if ch in "2468":
            cnt += 1
    print(cnt, [c for c in u], [c * 2 for c in "xyz"], list(reversed("abc")))
    print(s[len(s) - 1], s[-len(s)], u[len(u) // 2])
    x = "hello world"
    i = x.find("o")
    print(x[:i], x[i:], x[i + 1:], x[:x.rfind("o")], x[x.find(" ") + 1:].upper())
    print(repr(""), repr("'"), repr('"'), repr("\\"), repr("\x7f\x80\x9f\xa0\xad"), repr("\u2028\ufeff"))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
