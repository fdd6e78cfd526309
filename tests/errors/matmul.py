# expect-error: line 4: the `@` operator is not supported
def entry_point(argv):
    n = len(argv)
    print(n @ n)
    return 0
