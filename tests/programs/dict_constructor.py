# dict() as {}, dict(zip(keys, values)) and dict of a list of pairs.
def entry_point(argv):
    keys = ["a", "b", "c"]
    d = dict(zip(keys, [1, 2, 3]))
    print(d)
    e = dict()
    e["x"] = 1.5
    print(e, len(e))
    f = dict([(1, "one"), (2, "two")])
    print(f)
    g = dict([(k, len(k)) for k in ["aa", "b"]])
    print(g)
    h = dict(zip([0, 1, 2], "xyz"))
    print(h)
    return 0

def target(*args):
    return entry_point, None

if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
