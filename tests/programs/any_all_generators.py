import sys


def noisy(items, seen):
    for x in items:
        seen.append(x)
        yield x


def entry_point(argv):
    items = [3, -1, 4, -5]
    print(any(x < 0 for x in items), all(x > 0 for x in items))
    print(any(x > 10 for x in items), all(x > -10 for x in items))
    print(any(x for x in []), all(x for x in []))
    seen = []
    print(any(v < 0 for v in noisy(items, seen)), seen)
    seen = []
    print(all(v > 0 for v in noisy(items, seen)), seen)
    words = ["apple", "kiwi"]
    print(any(w.startswith("k") for w in words if len(w) < 5))
    print(all(len(w) > 3 for w in words), any(c == "z" for c in "abc"))
    x = 100
    print(any(x > 3 for x in items), x)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
