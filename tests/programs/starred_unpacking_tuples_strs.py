def split_head(t):
    head, *tail = t
    return head, tail


def entry_point(argv):
    a, *b = (1, 2, 3)
    print(a, b)
    *c, d = (1.5, 2.5)
    print(c, d)
    e, *f, g = ("x", "y", "z", "w")
    print(e, f, g)
    h, *i = (7,)
    print(h, i)
    name, *nums = ("n", 1, 2)
    print(name, nums)
    flag, *rest = (True, 3, 4)
    print(flag, rest)
    x, *y = "héllo"
    print(x, y)
    *p, q = "ab"
    print(p, q)
    print(split_head((5, 6, 7)))
    for first, *others in [(1, 2, 3), (4, 5, 6)]:
        print(first, others)
    s = "a" * len(argv)
    try:
        u, v, *w = s
        print(u, v, w)
    except ValueError as err:
        print("ValueError:", err)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
