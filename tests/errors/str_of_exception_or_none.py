# expect-error: line 8: str() of a ValueError instance or None is not supported yet
def entry_point(argv):
    e = None
    if len(argv) > 1:
        e = ValueError("bad")
    else:
        print("no error")
    print(str(e))
    return 0
