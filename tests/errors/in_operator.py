# expect-error: line 3: `in` on these values is not supported
def entry_point(argv):
    print(1 in argv)
    return 0
