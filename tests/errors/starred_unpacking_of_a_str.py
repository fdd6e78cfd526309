# expect-error: line 3: unpacking a str into a starred target is not supported: only a list
def entry_point(argv):
    first, *rest = "abc"
    print(first, rest)
    return 0
