# expect-error: line 6: `f` called without a value for parameter `b`
def f(a, b):
    return a + b

def entry_point(argv):
    print(f(1))
    return 0
