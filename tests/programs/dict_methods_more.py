class Key(object):
    def __init__(self, tag):
        self.tag = tag


def entry_point(argv):
    d = {"one": 1, "two": 2, "three": 3}
    print(d, len(d))
    print(d.get("two", 0), d.get("four", 4))
    print(d.pop("one"), d.pop("zzz", -1), d)
    try:
        d.pop("zzz")
    except KeyError as e:
        print("KeyError", e)
    print(d.setdefault("two", 20), d.setdefault("five", 5), d)
    d.update({"two": 22, "six": 6})
    print(d)
    print(list(d.keys()), list(d.values()), list(d.items()))
    c = d.copy()
    c["new"] = 0
    print(len(c), len(d), "new" in c, "new" in d)
    c.clear()
    print(c, len(c))
    try:
        print(d["missing"])
    except KeyError as e:
        print("KeyError", e)
    try:
        del d["missing"]
    except KeyError as e:
        print("KeyError", e)
    ik = {10: "ten", -5: "minus five", 0: "zero"}
    ik[3] = "three"
    del ik[10]
    ik[10] = "ten again"
    print(ik, ik[-5])
    try:
        print(ik[99])
    except KeyError as e:
        print("KeyError", e)
    fk = {1.5: "a", -0.0: "z", 2.0: "two"}
    print(fk[0.0], fk[2.0], 1.5 in fk, 2.5 in fk)
    try:
        print(fk[9.75])
    except KeyError as e:
        print("KeyError", e)
    bk = {True: "yes", False: "no"}
    print(bk[True], bk[False], bk)
    tk = {(1, 2): "a", (2, 1): "b", (0, 0): "origin"}
    tk[(1, 2)] = "A"
    print(tk[(1, 2)], tk.get((5, 5), "none"), (2, 1) in tk, tk)
    try:
        print(tk[(9, 9)])
    except KeyError as e:
        print("KeyError", e)
    sk = {"it's": "1", 'say "hi"': "2", "tab\there": "3"}
    print(sk, sk.get("nope"), sk.get("it's"))
    try:
        print(sk["no'pe"])
    except KeyError as e:
        print("KeyError", e)
    k1 = Key("a")
    k2 = Key("b")
    ok = {k1: 1}
    ok[k2] = 2
    ok[k1] = 10
    print(len(ok), ok[k1], ok[k2], Key("a") in ok)
    for k in ok:
        print(k.tag, ok[k])
    lv = {"evens": [0, 2], "odds": [1]}
    lv["evens"].append(4)
    lv.setdefault("odds", []).append(3)
    lv.setdefault("none", []).append(-1)
    print(lv)
    dv = {"x": {"y": 1}}
    dv["x"]["z"] = 2
    print(dv, dv["x"]["y"])
    sq = {i: i * i for i in range(8) if i % 3 != 0}
    inv = {v: q for q, v in sq.items()}
    print(sq, inv)
    e = {}
    print(e, len(e), e.get("a", "dflt"), list(e.keys()))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
