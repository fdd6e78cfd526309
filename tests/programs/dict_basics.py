class Node:
    def __init__(self, name):
        self.name = name


def entry_point(argv):
    d = {}
    d["a"] = 1
    d["b"] = 2
    d["c"] = 3
    print(len(d), d["b"], "a" in d, "z" in d, "z" not in d)
    d["a"] += 10
    del d["b"]
    for k in d:
        print(k, d[k])
    total = 0
    for k, v in d.items():
        total += v
    print(total, d.get("q", -1), d.get("c", 0))
    ks = d.keys()
    vs = d.values()
    print(len(ks), len(vs))
    squares = {1: 1.0, 2: 4.0}
    squares[3] = 9.0
    print(squares[3], squares.pop(1), len(squares), squares.setdefault(7, 49.0), squares[7])
    try:
        print(d["nope"])
    except KeyError as e:
        print("KeyError", e)
    names = {}
    nodes = [Node("x"), Node("y")]
    for n in nodes:
        names[n] = n.name
    print(names[nodes[1]], len(names))
    counts = {}
    for w in "the cat the dog the end".split():
        counts[w] = counts.get(w, 0) + 1
    for w in counts:
        print(w, counts[w])
    big = {}
    for i in range(100000):
        big[i] = str(i)
    print(len(big), big[99999], big[12345])
    e = d.copy()
    e.clear()
    print(len(e), len(d), bool(e), bool(d))
    c = "x"
    print(c in ("a", "x"), 3 in (1, 2), "q" not in ("a", "b"))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
