# expect-error: line 4: an int is not callable
def entry_point(argv):
    n = len(argv)
    print(n(2))
    return 0
