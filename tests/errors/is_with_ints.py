# expect-error: line 4: `is` is only supported with None on one side
def entry_point(argv):
    n = len(argv)
    print(n is 3)
    return 0
