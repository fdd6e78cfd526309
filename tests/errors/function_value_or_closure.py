# expect-error: line 8: variable `f` is a function `num` here and a function `<lambda>` elsewhere
def num(a):
    return a + 1


def entry_point(argv):
    k = len(argv)
    f = num
    if k > 1:
        f = lambda a: a + k
    print(f(1))
    return 0
