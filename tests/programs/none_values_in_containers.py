def find(names, target):
    for n in names:
        if n == target:
            return n
    return None


def entry_point(argv):
    names = ["ann", "bob"]
    r = find(names, "bob")
    if r is not None:
        print(len(r), r.upper())
    q = find(names, "zed")
    print(q is None, q)
    d = {"a": "x"}
    v = d.get("b")
    w = d.get("a")
    print(v, w, v is None)
    if w is not None:
        if len(w) == 1:
            print("one char", w)
    lst = [find(names, "ann"), None, find(names, "bob")]
    print(lst, [x for x in lst if x is not None])
    t = (1, None, "s")
    print(t, t[1] is None)
    m = {1: None, 2: "two"}
    for k, val in m.items():
        if val is None:
            print(k, "none")
        else:
            print(k, val.upper())
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
