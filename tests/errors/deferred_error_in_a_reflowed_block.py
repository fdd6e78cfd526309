# expect-error: line 10: integer literal does not fit in 64 bits
class A(object):
    def __init__(self, v):
        self.v = v
    def method(self, x):
        pass
        return (0, -1)[1]
class B(A):
    def method(self, x):
        return A.method(self, x) - max(sorted(9223372036854775808))
def f(x):
    pass
    return (A(1) if False else B(2)).v
def g(s):
    return chr([1, 2, 3][3])
def entry_point(argv):
    x = len(argv)
    n = 3
    fl = 1.5
    s = argv[0]
    b = x > 1
    lst = [1, 2, 3]
    d = {1: 2}
    t = (1, 2)
    st = {1, 2}
    a = A(x)
    n = a.method(divmod(x, n)[0])
    fn = lambda i: i * f(i)
    x = fn({}.get(n, x))
    x, n = divmod(d.get(0, n), t[-1])
    return 0

def target(*args):
    return entry_point, None
