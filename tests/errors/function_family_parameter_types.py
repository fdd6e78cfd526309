# expect-error: line 17: float
# Two functions called through one value share their parameter types: a
# direct call of one with a float conflicts with the int the other takes.
def inc(a):
    return a + 1


def dec(a):
    return a - 1


def entry_point(argv):
    f = inc
    if len(argv) > 1:
        f = dec
    print(f(1))
    print(inc(2.5))
    return 0
