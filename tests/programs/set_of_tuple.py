# set() of a tuple: its items added in order, as CPython adds them.


def entry_point(argv):
    print(set((3, 1, 2, 3)))
    print(set(("b", "a", "b")) == {"a", "b"}, len(set(("b", "a", "b"))))
    print(sorted(set(((1, 2), (3, 4), (1, 2)))))
    t = (len(argv), 7, len(argv))
    s = set(t)
    s.add(9)
    print(sorted(s))
    print(set(()))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
