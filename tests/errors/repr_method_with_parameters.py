# expect-error: line 12: repr() of a R instance is not supported yet
class R:
    def __init__(self, n):
        self.n = n

    def __repr__(self, extra=7):
        return "R(%d,%d)" % (self.n, extra)


def entry_point(argv):
    items = [R(1)]
    print(repr(items[0]))
    print(items)
    return 0
