# args: 18
"""Recursion through methods: self-recursive methods, mutual recursion between methods of two objects that hold each other, recursion through virtual calls over a tree of nodes, and a memo chain built recursively."""
import sys


class Math(object):
    def __init__(self, mod):
        self.mod = mod
        self.calls = 0

    def fib(self, n):
        self.calls += 1
        if n < 2:
            return n
        return (self.fib(n - 1) + self.fib(n - 2)) % self.mod

    def ackermann(self, m, n):
        self.calls += 1
        if m == 0:
            return n + 1
        if n == 0:
            return self.ackermann(m - 1, 1)
        return self.ackermann(m - 1, self.ackermann(m, n - 1))

    def power(self, b, e):
        if e == 0:
            return 1
        half = self.power(b, e // 2)
        r = half * half % self.mod
        if e % 2 == 1:
            r = r * b % self.mod
        return r


class Parity(object):
    def __init__(self, name):
        self.name = name
        self.partner = None
        self.visits = 0

    def check(self, n):
        """True if n has this object's parity; hands odd steps to the partner."""
        self.visits += 1
        if n == 0:
            return self.name == "even"
        return self.partner.check(n - 1)


class Tree(object):
    def total(self):
        return 0

    def depth(self):
        return 0

    def mirror(self):
        return self


class Leaf(Tree):
    def __init__(self, value):
        self.value = value

    def total(self):
        return self.value

    def depth(self):
        return 1


class Fork(Tree):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def total(self):
        return self.left.total() * 2 + self.right.total()

    def depth(self):
        return 1 + max(self.left.depth(), self.right.depth())

    def mirror(self):
        return Fork(self.right.mirror(), self.left.mirror())


def build(lo, hi):
    if hi - lo <= 1:
        return Leaf(lo)
    mid = (lo + hi) // 2
    return Fork(build(lo, mid), build(mid, hi))


class Memo(object):
    """A chain of computed values, newest first, built by recursion."""

    def __init__(self, n, value, older):
        self.n = n
        self.value = value
        self.older = older

    def find(self, n):
        if self.n == n:
            return self.value
        if self.older is None:
            return -1
        return self.older.find(n)


def tribonacci_chain(n):
    if n < 3:
        chain = Memo(0, 0, None)
        chain = Memo(1, 1, chain)
        return Memo(2, 1, chain)
    prev = tribonacci_chain(n - 1)
    v = prev.find(n - 1) + prev.find(n - 2) + prev.find(n - 3)
    return Memo(n, v, prev)


def entry_point(argv):
    n = int(argv[1])
    m = Math(1000000007)
    print("fib", m.fib(n), "calls", m.calls)
    m.calls = 0
    print("ackermann", m.ackermann(2, 3), m.ackermann(3, 3), "calls", m.calls)
    print("power", m.power(3, 200), m.power(2, n * 10), m.power(7, 0))

    even = Parity("even")
    odd = Parity("odd")
    even.partner = odd
    odd.partner = even
    print("parity", even.check(n), odd.check(n), even.check(n + 1), odd.check(7), "visits", even.visits, odd.visits)
    print("partners", even.partner.partner is even, odd.partner is even)

    t = build(0, n)
    print("tree", t.total(), t.depth())
    mt = t.mirror()
    print("mirror", mt.total(), mt.depth(), mt is t)
    leaf = Leaf(5)
    print("leaf mirror", leaf.mirror() is leaf, leaf.mirror().total())

    chain = tribonacci_chain(n + 10)
    print("tribonacci", chain.find(n + 10), chain.find(10), chain.find(0), chain.find(n + 11))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
