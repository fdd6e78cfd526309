# expect-error: line 11: `with` is supported for files only, not a Lock
class Lock(object):
    def __enter__(self):
        return self

    def __exit__(self, a, b, c):
        return False


def entry_point(argv):
    with Lock() as l:
        print("inside")
    return 0
