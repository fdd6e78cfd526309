# Unpacking a list into targets with one starred target.


def split_head(items):
    head, *tail = items
    return head, tail


def entry_point(argv):
    first, *rest = [1, 2, 3, 4]
    print(first, rest)
    *init, last = ["a", "b", "c"]
    print(init, last)
    a, *mid, y, z = [1.5, 2.5, 3.5, 4.5, 5.5]
    print(a, mid, y, z)
    x, *empty = [7]
    print(x, empty)
    p, *q, r = [1, 2]
    print(p, q, r)
    h, t = split_head(list(range(5)))
    print(h, t)
    [u, *v] = [[1], [2], [3]]
    print(u, v)
    for n in range(3):
        try:
            one, two, *others = list(range(n))
            print("ok", one, two, others)
        except ValueError as e:
            print("ValueError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
