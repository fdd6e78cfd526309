# expect-error: line 9: `Empty()` takes no arguments: the class has no `__init__`
class Empty(object):
    def size(self):
        return 0


def entry_point(argv):
    a = Empty()
    b = Empty(len(argv))
    print(a.size() + b.size())
    return 0
