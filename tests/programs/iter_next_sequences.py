def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def pairs(items):
    # The classic use: consume an iterator two at a time.
    it = iter(items)
    out = []
    while True:
        try:
            a = next(it)
        except StopIteration:
            break
        b = next(it, -1)
        out.append((a, b))
    return out


def first_word(words):
    it = iter(words)
    for w in it:
        if w.startswith("b"):
            break
    rest = []
    for w in it:
        rest.append(w)
    return rest


def entry_point(argv):
    it = iter([10, 20, 30])
    print(next(it), next(it), next(it), next(it, 0))
    print(pairs([1, 2, 3, 4, 5]))
    print(first_word(["apple", "banana", "cherry", "date"]))
    chars = iter("héllo")
    print(next(chars), next(chars), "".join([c for c in chars]))
    d = {"a": 1, "b": 2, "c": 3}
    keys = iter(d)
    print(next(keys))
    print([k for k in keys])
    values = iter(d.values())
    print(sum([v for v in values]))
    items = iter(d.items())
    k, v = next(items)
    print(k, v)
    t = iter([4, 5, 6])
    print(next(t) + next(t))
    g = evens(7)
    print(iter(g) is g, next(iter(g)))
    s = iter({3})
    print(next(s))
    # The list iterator sees items appended while it runs.
    grow = [1]
    gi = iter(grow)
    total = 0
    for x in gi:
        total += x
        if len(grow) < 5:
            grow.append(x * 2)
    print(total, grow)
    empty = iter([])
    try:
        next(empty)
        print("no")
    except StopIteration:
        print("stop")
    lst = [1, 2, 3]
    li = iter(lst)
    next(li)
    print(list(li))
    r = iter(range(3))
    print(next(r), next(r))
    dd = {1: 2}
    di = iter(dd)
    next(di)
    dd[5] = 6
    try:
        next(di)
    except RuntimeError as e:
        print("error:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
