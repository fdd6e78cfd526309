class Thing(object):
    def __init__(self, n):
        self.n = n


def entry_point(argv):
    print([], {}, set(), (), [[]], [()], ((),), [{}], {1: []}, {"k": ()})
    print(["a'b", 'c"d', "e'f\"g", "\\", "\n\t", "é", "\x00", "🎉", ""])
    print({"key 'q'": "val \"dq\"", "é": "漢", "": " "})
    print([1.0, -0.0, 1e16, 1.5e-7, 0.1 + 0.2, float("inf"), -float("inf"), float("nan")])
    print((1,), (1, 2), ("a",), (1.5, "x", True, None), ((1, 2), (3, (4, 5))))
    print([(1, "a"), (2, "b")], {(1, 2): [3.5], (0, 0): []}, [[[1], [2, 3]], [[4]]])
    print([True, False], [None, None], {1: None, 2: "two"})
    print({1: {2: {3: "deep"}}}, [{"a": [1, 2]}, {"b": []}])
    print(repr([1, 2]), str([1, 2]), repr("x"), str("x"), repr(1.5), str((1, "a")), repr({"a": 1}))
    d = {1: "one"}
    print("%s %r" % (d, d), f"{d} {d!r} {[1, 2]}", "{} {!r}".format([1.5], ("t",)))
    print(str([1, 2]) + "!", len(str({"ab": 12})), str(()) + str([]) + str({}))
    nested = [[i * j for j in range(3)] for i in range(3)]
    print(nested, str(nested).count("0"))
    t = Thing(3)
    items = [t.n, t.n * 2]
    print(items, [[t.n]], (t.n, str(t.n)))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
