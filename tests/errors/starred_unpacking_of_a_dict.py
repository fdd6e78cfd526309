# expect-error: line 4: unpacking a dict[str, int] into a starred target is not supported: only a list, a tuple or a str
def entry_point(argv):
    d = {"a": 1, "b": 2}
    first, *rest = d
    print(first, rest)
    return 0
