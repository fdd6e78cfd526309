# expect-error: line 3: `in` with an int and list[str] is not supported
def entry_point(argv):
    print(1 in argv)
    return 0
