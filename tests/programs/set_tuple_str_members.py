def neighbours(p):
    x, y = p
    return [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]


def flood(walls, start, limit):
    seen = {start}
    frontier = [start]
    while len(frontier) > 0:
        nxt = []
        for p in frontier:
            for q in neighbours(p):
                qx, qy = q
                if q in seen or q in walls:
                    continue
                if qx < 0 or qy < 0 or qx >= limit or qy >= limit:
                    continue
                seen.add(q)
                nxt.append(q)
        frontier = nxt
    return seen


def entry_point(argv):
    walls = set()
    for i in range(1, 7):
        walls.add((i, 3))
        walls.add((3, i))
    walls.discard((3, 3))
    reach = flood(walls, (0, 0), 8)
    print(len(walls), len(reach), (7, 7) in reach, (4, 4) in reach, sorted(list(walls))[:5])
    a = {(1, "a"), (2, "b"), (3, "c")}
    b = {(2, "b"), (3, "x"), (4, "d")}
    print(sorted(list(a | b)), sorted(list(a & b)), sorted(list(a - b)), len(a | b))
    a.add((1, "a"))
    a.remove((2, "b"))
    print(sorted(list(a)), (2, "b") in a)
    try:
        a.remove((9, "z"))
    except KeyError as e:
        print("KeyError", e)
    nested = {((1, 2), "p"), ((1, 2), "q"), ((1, 2), "p")}
    print(len(nested), ((1, 2), "p") in nested, ((2, 1), "p") in nested)
    mixed = {(0.5, True, None, "s"), (0.5, True, None, "s"), (0.5, False, None, "s")}
    print(len(mixed), sorted(list(mixed), key=lambda t: t[1]))
    vowels = set(list("aeiou"))
    text = "the quick brown fox jumps over the lazy dog"
    used = {c for c in text if c != " "}
    print(len(used), sorted(list(used - vowels)), sorted(list(vowels - used)), sorted(list(used & vowels)))
    words = set(text.split())
    print(len(words), sorted(list(words)), "fox" in words, "cat" in words)
    longer = {w for w in words if len(w) > 3}
    print(sorted(list(longer)), sorted(list(words - longer)))
    bigrams = set()
    for w in text.split():
        for i in range(len(w) - 1):
            bigrams.add(w[i:i + 2])
    print(len(bigrams), sorted(list(bigrams))[:10])
    uni = {"é", "漢", "🎉", "e"}
    uni.discard("e")
    print(sorted(list(uni)), len(uni), "漢" in uni)
    pairs = {(i % 5, i % 3) for i in range(100)}
    print(len(pairs), sorted(list(pairs))[-3:])
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
