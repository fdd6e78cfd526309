# expect-error: line 3: sum() of a list of int with a start of float is not supported
def entry_point(argv):
    print(sum([1, 2], 0.5))
    return 0
