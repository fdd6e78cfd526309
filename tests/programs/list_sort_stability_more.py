class Rec(object):
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


def by_age(r):
    return r.age


def names(rs):
    return [r.name for r in rs]


def entry_point(argv):
    recs = [Rec("ann", 30, 1.5), Rec("bob", 25, 2.5), Rec("cid", 30, 0.5),
            Rec("dee", 25, 9.0), Rec("eve", 40, 2.5), Rec("fay", 30, 2.5)]
    recs.sort(key=by_age)
    print("by age", names(recs))
    recs.sort(key=by_age, reverse=True)
    print("by age rev", names(recs))
    recs.sort(key=lambda r: r.score)
    print("by score", names(recs))
    recs.sort(key=lambda r: r.name, reverse=True)
    print("by name rev", names(recs))
    s2 = sorted(recs, key=lambda r: r.score, reverse=True)
    print("sorted score rev", names(s2), names(recs)[0])
    words = ["banana", "Apple", "cherry", "apple", "Banana", "fig", "date", "kiwi"]
    print(sorted(words))
    print(sorted(words, reverse=True))
    print(sorted(words, key=lambda w: len(w)))
    print(sorted(words, key=lambda w: len(w), reverse=True))
    print(sorted(words, key=lambda w: w.lower()))
    print(sorted(words, key=lambda w: w[-1]))
    nums = [5, -3, 2, -8, 0, 7, -1, 3, 3, -3]
    print(sorted(nums), sorted(nums, reverse=True))
    print(sorted(nums, key=lambda x: abs(x)), sorted(nums, key=lambda x: abs(x), reverse=True))
    print(sorted(nums, key=lambda x: x % 3))
    print(sorted(nums, key=lambda x: -x))
    fl = [2.5, -0.0, 0.0, 1e-9, -1e9, 3.25, 1.0]
    fl.sort()
    print(fl)
    fl.sort(reverse=True)
    print(fl)
    bl = [True, False, True, False]
    print(sorted(bl))
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]
    print(sorted(pairs))
    print(sorted(pairs, key=lambda p: p[1]))
    print(sorted(pairs, key=lambda p: p[0], reverse=True))
    big = [(i * 7919) % 1009 for i in range(2000)]
    big.sort()
    ok = True
    for i in range(1, len(big)):
        if big[i - 1] > big[i]:
            ok = False
    print(ok, big[0], big[-1], big[1000], len(big))
    idx = [i for i in range(300)]
    idx.sort(key=lambda i: i % 5)
    print(idx[:10], idx[60:64], idx[-3:])
    empty = []
    empty.append(1)
    empty.pop()
    empty.sort()
    print(empty, sorted(empty))
    print(sorted(list("hello world")), sorted(list(range(5, 0, -1))))
    d = {"b": 2, "a": 3, "c": 1}
    print(sorted(d.keys()), sorted(d.keys(), key=lambda k: d[k]), sorted(d.items()))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
