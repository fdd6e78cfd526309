class Box:
    def __init__(self):
        self.items = [1]


def grow(lst):
    lst += [7, 8]
    return lst


def entry_point(argv):
    a = [1, 2]
    b = a
    a += [3]
    print(len(b), b[2], a is b)
    c = a
    c *= 2
    print(len(a), a[5])
    box = Box()
    alias = box.items
    box.items += [5]
    print(len(alias))
    lists = [[1], [2]]
    first = lists[0]
    lists[0] += [9]
    print(len(first), first[1])
    r = grow(b)
    print(len(a), r is a)
    s = 1
    s += 2
    print(s)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
