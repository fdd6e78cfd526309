# A call narrowed by isinstance() to a class that is never instantiated
# (B is only made inside A.method, which nothing calls): the call can
# never run, so it has no method to call. The translator used to stop
# with an internal error on it.


class A(object):
    def __init__(self, v):
        self.v = v

    def method(self, x):
        return B(2).method(x) + x


class B(A):
    def method(self, x):
        return x * 10


def entry_point(argv):
    a = A(len(argv))
    if isinstance(a, B):
        print(a.method(1))
        print("never")
    else:
        print("not a B")
    print(a.v)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
