# expect-error: line 4: min() of an int and a float
def entry_point(argv):
    n = len(argv)
    print(min(n, 2.5))
    return 0
