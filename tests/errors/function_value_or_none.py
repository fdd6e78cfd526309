# expect-error: line 7: variable `f` is None here and a function `num` elsewhere
def num(a):
    return a + 1


def entry_point(argv):
    f = None
    if len(argv) > 1:
        f = num
    if f is not None:
        print(f(1))
    return 0
