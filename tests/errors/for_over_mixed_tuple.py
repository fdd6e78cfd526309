# expect-error: line 5: iterating over a tuple of int and str is not supported: its items need one type
def entry_point(argv):
    t = (1, "a")
    s = 0
    for x in t:
        print(x)
    return 0
