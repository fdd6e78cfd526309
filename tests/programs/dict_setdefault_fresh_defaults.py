# Inserting a default may grow the dict and collect: the value setdefault
# returns must be the (possibly moved) default, not a stale pointer.


class C(object):
    def __init__(self, v):
        self.v = v


def entry_point(argv):
    groups = {}
    for w in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
        groups.setdefault(w[0], []).append(w)
    print(groups)
    d = {}
    s = d.setdefault("z", "w" * len(argv))
    print(s, len(d))
    e = {}
    c = e.setdefault(1, C(5))
    print(c.v, e[1].v)
    f = {}
    w = f.setdefault(3, "v" + str(len(argv)))
    print(w, f)
    g = {}
    lst = g.setdefault(1, [])
    lst.append("x")
    print(g, len(lst))
    h = {2: [1]}
    print(h.pop(3, [8, 9]), h.get(4, [7]))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
