# expect-error: line 4: iterating over an int is not supported yet
def entry_point(argv):
    n = len(argv)
    it = iter(n)
    print(next(it))
    return 0
