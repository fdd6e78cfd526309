# expect-error: line 6: `f` has no parameter named `c`
def f(a, b=1):
    return a + b

def entry_point(argv):
    print(f(1, c=2))
    return 0
