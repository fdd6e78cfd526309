# expect-error: line 4: not enough values to unpack (expected at least 3, got 2)
def entry_point(argv):
    t = (1, 2)
    a, b, *c, d = t
    print(a, b, c, d)
    return 0
