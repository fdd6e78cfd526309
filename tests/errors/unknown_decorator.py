# expect-error: line 6: decorator on `f` is not supported
def deco(f):
    return f


@deco
def f(x):
    return x

def entry_point(argv):
    print(f(1))
    return 0
