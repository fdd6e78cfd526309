# expect-error: line 6: `f` called with 3 positional arguments, takes 2
def f(a, b):
    return a + b

def entry_point(argv):
    print(f(1, 2, 3))
    return 0
