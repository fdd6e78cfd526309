class Node(object):
    def __init__(self, val, kids):
        self.val = val
        self.kids = kids


def mk(v):
    return Node(v, [])


def combine(a, b, c):
    return a.val * 100 + b.val * 10 + c.val


def weight(n):
    t = n.val
    for k in n.kids:
        t += weight(k)
    return t


def entry_point(argv):
    total = 0
    for i in range(300):
        total += combine(mk(i), Node(i + 1, [mk(1)]), mk(i % 7))
    print(total)
    d = {}
    for i in range(200):
        d[i % 17] = Node(i, [mk(i), mk(-i)])
    print(len(d), sum([weight(n) for n in d.values()]))
    e = {}
    for i in range(100):
        e.setdefault(i % 5, "s" + str(i))
    print(e)
    lst = []
    for i in range(200):
        lst.insert(0, Node(i, [mk(i) for _ in range(i % 4)]))
        lst.append(mk(-i))
    print(len(lst), weight(Node(0, lst)))
    pairs = []
    for i in range(150):
        pairs.append((str(i), [i, i * 2], mk(i)))
    print(len(pairs), pairs[77][0], pairs[77][1], pairs[77][2].val)
    s = ""
    parts = []
    for i in range(300):
        parts.append(str(i) * 2 + "-" + ("x" * (i % 5)))
    s = "|".join(parts)
    print(len(s), s[:40], s.count("x"), len(s.split("|")))
    big = [[Node(j, []) for j in range(i % 10)] for i in range(200)]
    print(sum([len(r) for r in big]), sum([sum([n.val for n in r]) for r in big]))
    m = max([mk(i * 37 % 101) for i in range(100)], key=lambda n: n.val)
    print(m.val)
    srt = sorted([mk(i * 7 % 13) for i in range(40)], key=lambda n: (n.val, str(n.val)))
    print([n.val for n in srt][:15])
    ds = {}
    for i in range(300):
        ds[str(i % 40) + "k"] = [str(i)] * (i % 3)
    print(len(ds), ds["5k"], ds["39k"])
    st = set()
    for i in range(300):
        st.add((i % 23, str(i % 11)))
    print(len(st))
    words = ("a bb ccc " * 200).split()
    joined = ",".join([w.upper() + str(len(w)) for w in words])
    print(len(words), len(joined), joined[:30])
    fs = [str(i / 7.0) for i in range(100)]
    print(fs[10], fs[99], len("".join(fs)))
    ff = ["%d:%s:%.2f" % (i, str(i) * 2, i / 3.0) for i in range(100)]
    print(ff[50], f"{ff[3]}|{ff[4]:>12}|{len(ff)}")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
