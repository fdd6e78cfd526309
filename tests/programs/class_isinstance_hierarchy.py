# args: 2
"""isinstance over a hierarchy three levels deep (plus a separate root), with single classes and tuples of classes, on variables of the base type, on values that may be None, and on instances returned from functions."""
import sys


class Expr(object):
    def __init__(self, n):
        self.n = n

    def level(self):
        return 0


class Atom(Expr):
    def level(self):
        return 1


class Number(Atom):
    def level(self):
        return 2


class Integer(Number):
    def level(self):
        return 3


class Real(Number):
    def level(self):
        return 3


class Symbol(Atom):
    def level(self):
        return 2


class Compound(Expr):
    def level(self):
        return 1


class Unrelated(object):
    def __init__(self):
        self.n = -1


def make(i):
    k = i % 7
    if k == 0:
        return Expr(i)
    if k == 1:
        return Atom(i)
    if k == 2:
        return Number(i)
    if k == 3:
        return Integer(i)
    if k == 4:
        return Real(i)
    if k == 5:
        return Symbol(i)
    if k == 6:
        return Compound(i)
    return None


def classify(e):
    """A bitmask of the isinstance tests that hold."""
    m = 0
    if isinstance(e, Expr):
        m |= 1
    if isinstance(e, Atom):
        m |= 2
    if isinstance(e, Number):
        m |= 4
    if isinstance(e, Integer):
        m |= 8
    if isinstance(e, Real):
        m |= 16
    if isinstance(e, Symbol):
        m |= 32
    if isinstance(e, Compound):
        m |= 64
    if isinstance(e, (Integer, Real)):
        m |= 128
    if isinstance(e, (Symbol, Compound)):
        m |= 256
    if isinstance(e, (Number, Compound, Symbol)):
        m |= 512
    return m


def maybe(i, n):
    if i >= n:
        return None
    return make(i)


def leaf_kind(e):
    if isinstance(e, Integer):
        return "integer"
    elif isinstance(e, Real):
        return "real"
    elif isinstance(e, Number):
        return "number"
    elif isinstance(e, Symbol):
        return "symbol"
    elif isinstance(e, Atom):
        return "atom"
    elif isinstance(e, Compound):
        return "compound"
    return "expr"


def entry_point(argv):
    n = int(argv[1])
    counts = 0
    for i in range(14):
        e = make(i)
        m = classify(e)
        counts += m
        print(i, leaf_kind(e), e.level(), m, isinstance(e, Atom) == (e.level() >= 1 and not isinstance(e, Compound)))
    print("total mask", counts)
    for i in range(5):
        e = maybe(i, n + 1)
        print("maybe", i, e is None, isinstance(e, Expr), isinstance(e, (Atom, Compound)), classify(e))
    u = Unrelated()
    print("unrelated", isinstance(u, Unrelated), isinstance(u, Unrelated) and u.n < 0)
    e = make(3)
    print("integer", isinstance(e, Integer), isinstance(e, Number), isinstance(e, Atom), isinstance(e, Expr), isinstance(e, Symbol))
    r = Real(7)
    print("real", isinstance(r, Integer), isinstance(r, Real), isinstance(r, (Symbol, Number)), isinstance(r, (Symbol, Compound)))
    nothing = maybe(10, n)
    print("none", isinstance(nothing, Expr), isinstance(nothing, (Integer, Real, Expr)))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
