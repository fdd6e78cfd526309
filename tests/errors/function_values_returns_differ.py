# expect-error: line 14: this call may run any of the functions `num`, `text`, which return different types (int and str)
def num(a):
    return a + 1


def text(a):
    return str(a)


def entry_point(argv):
    f = num
    if len(argv) > 1:
        f = text
    print(f(1))
    return 0
