def entry_point(argv):
    s = {3, 1, 2}
    s.add(5)
    s.add(1)
    print(len(s), 3 in s, 4 in s, 4 not in s)
    s.discard(4)
    s.remove(3)
    try:
        s.remove(42)
    except KeyError as e:
        print("KeyError", e)
    total = 0
    for x in s:
        total += x
    print(total, s)
    t = set([5, 6, 7])
    print(s | t, s & t, s - t, t - s)
    print(s == {1, 2, 5}, s != t, set() == set())
    words = set()
    for w in "the cat and the hat and the bat".split():
        words.add(w)
    print(len(words), "cat" in words, sorted([w for w in words]))
    u = s.copy()
    u.update(t)
    print(len(u), len(s), bool(set()), bool(u))
    u.clear()
    print(u, len(u))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
