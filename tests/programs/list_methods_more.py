def show(label, xs):
    print(label, xs, len(xs))


def entry_point(argv):
    a = [5, 3, 8, 1]
    a.append(9)
    a.insert(0, 7)
    a.insert(100, 11)
    a.insert(-2, 4)
    a.insert(-100, 0)
    show("insert", a)
    print("pop", a.pop(), a.pop(0), a.pop(-2), a.pop(2))
    show("after pop", a)
    a.extend([2, 2, 6])
    a.extend(a[0:2])
    show("extend", a)
    print("index", a.index(2), a.index(7))
    print("count", a.count(2), a.count(42), a.count(7))
    a.remove(2)
    show("remove", a)
    a.reverse()
    show("reverse", a)
    b = a.copy()
    b.append(99)
    print("copy", len(a), len(b), a[0] == b[0])
    b.clear()
    show("clear", b)
    try:
        b.pop()
    except IndexError as e:
        print("IndexError", e)
    try:
        a.pop(100)
    except IndexError as e:
        print("IndexError", e)
    try:
        a.pop(-100)
    except IndexError as e:
        print("IndexError", e)
    try:
        a.remove(42)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(a[len(a)])
    except IndexError as e:
        print("IndexError", e)
    try:
        a[-100] = 3
    except IndexError as e:
        print("IndexError", e)
    del a[0]
    del a[-1]
    show("del", a)
    c = [1, 2] + [3] * 3 + []
    show("plus/mul", c)
    d = [0] * 0
    show("empty mul", d)
    e = [4, 5] * -1
    show("neg mul", e)
    c += [10, 20]
    c *= 2
    show("inplace", c)
    print(3 in c, 30 in c, 30 not in c)
    strs = ["pear", "apple", "fig"]
    strs.append("kiwi")
    strs.insert(1, "date")
    print(strs, strs.index("fig"), strs.count("apple"), "kiwi" in strs)
    strs.remove("pear")
    print(strs, strs.pop(1))
    fl = [1.5, -0.25, 3.0]
    fl.append(2.5e10)
    fl.insert(0, float("inf"))
    print(fl, fl.index(3.0), 3.0 in fl, 1.5 in fl)
    bl = [True, False, False]
    bl.append(True)
    print(bl, bl.count(False), bl.index(True))
    nested = [[1, 2], [3], []]
    nested[1].append(4)
    nested.append([5, 6, 7])
    print(nested, len(nested), [len(x) for x in nested])
    del nested[2]
    print(nested)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
