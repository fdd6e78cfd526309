def countdown(n):
    while n > 0:
        yield n
        n -= 1


def evens_upto(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def words_of(text):
    for w in text.split():
        yield w.upper()


def make_adder(k):
    def add(x):
        return x + k
    return add


def outer(xs):
    scale = 10
    offset = len(xs)

    def f(v):
        return v * scale + offset
    return [f(x) for x in xs]


def entry_point(argv):
    for x in [1, 2, 3]:
        print("list", x)
    for t in (4, 5):
        print("tuple", t)
    for ch in "hé!":
        print("str", ch)
    d = {"a": 1, "b": 2, "c": 3}
    for k in d:
        print("dict", k)
    for k in d.keys():
        print("keys", k)
    for v in d.values():
        print("values", v)
    for k, v in d.items():
        print("items", k, v)
    total = 0
    for s in {5, 10, 15}:
        total += s
    print("set total", total)
    print(list(range(10, 0, -3)), list(range(-5, 5, 4)), list(range(0, -10, -1)), list(range(5, 5, -1)))
    for i in range(3, -4, -2):
        print("range", i)
    for i, w in enumerate(["x", "y", "z"]):
        print("enum", i, w)
    for i, w in enumerate(["x", "y"], 100):
        print("enum100", i, w)
    for a, b in zip([1, 2, 3], ["one", "two"]):
        print("zip2", a, b)
    for a, b, c in zip([1, 2], "ab", [0.5, 1.5, 2.5]):
        print("zip3", a, b, c)
    for x in reversed([1, 2, 3]):
        print("rev", x)
    for x in reversed(range(2, 8)):
        print("revrange", x)
    for x in countdown(3):
        print("gen", x)
    g = evens_upto(5)
    print(next(g), next(g), next(g), next(g, -1), next(g, -2))
    try:
        next(g)
    except StopIteration:
        print("StopIteration")
    it = iter(words_of("a bb ccc"))
    print(next(it), next(it))
    for rest in it:
        print("rest", rest)
    print(list(countdown(4)), sum(evens_upto(11)), max(countdown(6)), sorted(words_of("q a m")))
    print([w for w in words_of("x y") if w != "Y"], list(enumerate(countdown(2))))
    add5 = make_adder(5)
    add7 = make_adder(7)
    print(add5(1), add7(1), add5(add7(0)))
    print(outer([1, 2, 3]))
    pairs = [(3, "c"), (1, "a"), (2, "b")]
    pairs.sort(key=lambda p: p[0])
    print(pairs)
    acc = 10
    for fn in [make_adder(1), make_adder(-3)]:
        acc = fn(acc)
    print(acc)
    for i in range(3):
        for j in range(3):
            if j == i:
                continue
            if j > 1:
                break
            print("nested", i, j)
    else:
        print("else ran")
    n = 0
    while True:
        n += 1
        if n > 4:
            break
    print("while", n)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
