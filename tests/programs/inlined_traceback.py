# An uncaught exception raised in code that inlining copied into its
# callers: the traceback still lists every Python frame, as CPython does.

class V(object):
    def __init__(self, x):
        self.x = x

    def div(self, k):
        return V(self.x // k)


def helper(v, k):
    w = v.div(k)
    return w.x


def entry_point(argv):
    print(helper(V(10), 2))
    print(helper(V(10), len(argv) - 1))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
