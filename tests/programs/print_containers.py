def entry_point(argv):
    a = [1, 2, 3]
    print(a)
    print([1.5, -0.0], [True, False], ["it's", "x"], [])
    t = (1, "a", 2.5)
    print(t, (7,), ("solo",))
    d = {"k": 1, "j": 2}
    print(d, {})
    nested = [[1, 2], [3]]
    print(nested, [(1, "x"), (2, "y")])
    print(str(a) + "!", repr(t), "%s and %r" % (a, d))
    maybe = [None, "s"]
    print(maybe, {1: [1.0], 2: []})
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
