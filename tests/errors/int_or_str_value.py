# expect-error: line 4: variable `x` is an int here and a str elsewhere
def entry_point(argv):
    n = len(argv)
    x = n or "none"
    print(x)
    return 0
