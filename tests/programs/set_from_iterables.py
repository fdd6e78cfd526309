# set(x) of a set (copied as CPython's set_merge does), of a dict (its
# keys, after CPython's one presize) and of a str (its characters): the
# iteration orders below are CPython's for ints.


def entry_point(argv):
    s = {5, 1, 9}
    t = set(s)
    t.add(100)
    print(sorted(s), sorted(t), len(s), len(t))
    big = set()
    for i in range(40):
        big.add(i * 37 % 101)
    for i in range(0, 40, 3):
        big.discard(i * 37 % 101)
    print(list(set(big)))
    for n in [3, 4, 5, 6, 10, 21, 40]:
        d = {}
        for i in range(n):
            d[(i * 7919) % 97 - 40] = i
        print(n, list(set(d)))
    words = {"b": 1, "a": 2}
    print(sorted(set(words)))
    letters = set("hello, world")
    print(sorted(letters), len(letters))
    print(sorted(set("")), sorted(set("héé")))
    print(len(set(str(123321))))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
