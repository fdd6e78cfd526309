def srt(s):
    return sorted(list(s))


def srts(s):
    return sorted(list(s))


def srtt(s):
    return sorted(list(s))


def srtf(s):
    return sorted(list(s))


def entry_point(argv):
    a = {1, 2, 3, 4}
    b = set([3, 4, 5, 6, 3])
    print(len(a), len(b), srt(a), srt(b))
    a.add(10)
    a.add(1)
    a.discard(2)
    a.discard(99)
    a.remove(3)
    print(srt(a), 3 in a, 10 in a, 3 not in a)
    try:
        a.remove(42)
    except KeyError as e:
        print("KeyError", e)
    print(srt(a | b), srt(a & b), srt(a - b), srt(b - a))
    u = a | b
    u -= {1}
    print(srt(u), len(u))
    e = set()
    print(len(e), srt(e), 1 in e, srt(e | a), srt(e & a))
    c = a.copy()
    c.add(500)
    print(len(a), len(c), a == c, a == a.copy(), {1, 2} == {2, 1})
    c.clear()
    print(len(c))
    c.update(set([7, 8, 7]))
    c.update({9})
    print(srt(c))
    s = {"pear", "apple", "fig"}
    s.add("apple")
    s.add("kiwi")
    s.discard("fig")
    print(srts(s), "pear" in s, "fig" in s, len(s))
    try:
        s.remove("fig")
    except KeyError as e:
        print("KeyError", e)
    t = {(1, 2), (2, 1), (1, 2)}
    t.add((0, 0))
    print(srtt(t), (2, 1) in t, (3, 3) in t)
    try:
        t.remove((3, 3))
    except KeyError as e:
        print("KeyError", e)
    words = "the quick brown fox jumps over the lazy dog the end".split()
    uniq = set(words)
    print(len(words), len(uniq), srts(uniq))
    lens = {len(w) for w in words}
    print(srt(lens))
    evens = {x for x in range(20) if x % 2 == 0}
    threes = {x for x in range(20) if x % 3 == 0}
    print(srt(evens & threes), srt(evens - threes), len(evens | threes))
    total = 0
    for x in evens:
        total += x
    print(total, sum([x for x in threes]))
    chars = set()
    for ch in "mississippi":
        chars.add(ch)
    print(srts(chars), len(chars))
    fs = {0.5, 1.5, -0.0, 0.0}
    print(len(fs), 0.0 in fs, srtf(fs))
    big = set()
    for i in range(20000):
        big.add(i * 13 % 7919)
    print(len(big))
    for i in range(0, 7919, 2):
        big.discard(i)
    print(len(big), 1 in big, 2 in big)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
