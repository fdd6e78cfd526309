# args: 6
"""One counter object mutated through several references (local aliases, attributes of other objects, function parameters, method return values); identity with `is`, `is not`, `==` and `!=` between instances."""
import sys


class Counter(object):
    def __init__(self, name, start=0):
        self.name = name
        self.value = start
        self.bumps = 0
        self.last_step = 0

    def bump(self, step=1):
        self.value += step
        self.bumps += 1
        self.last_step = step
        return self

    def report(self):
        print(self.name, "value", self.value, "bumps", self.bumps, "last", self.last_step)


class Holder(object):
    def __init__(self, label, counter):
        self.label = label
        self.counter = counter

    def work(self, n):
        for i in range(n):
            self.counter.bump(i)
        return self.counter

    def swap(self, other):
        c = self.counter
        self.counter = other.counter
        other.counter = c


def bump_twice(c):
    c.bump()
    c.bump(step=10)


def pick(a, b, first):
    if first:
        return a
    return b


def fresh_or_same(c, make_new):
    if make_new:
        return Counter("fresh", c.value)
    return c


def entry_point(argv):
    n = int(argv[1])
    shared = Counter("shared")
    other = Counter("other", 100)
    h1 = Holder("h1", shared)
    h2 = Holder("h2", shared)
    h3 = Holder("h3", other)
    alias = shared

    h1.work(n)
    h2.work(n)
    bump_twice(alias)
    shared.report()
    other.report()
    print("aliases", h1.counter is h2.counter, h1.counter is alias, h3.counter is shared, h3.counter is not shared)
    print("eq", h1.counter == h2.counter, h1.counter != h3.counter, shared == other, shared != alias)

    # chained calls: bump returns the same object
    r = shared.bump(2).bump(3).bump(4)
    print("chain", r is shared, r.value, shared.value, h2.counter.value)

    # swapping through holders
    h1.swap(h3)
    print("after swap", h1.counter.name, h3.counter.name, h2.counter.name)
    h1.work(3)
    h3.counter.bump(1000)
    shared.report()
    other.report()

    # references returned from functions
    p = pick(shared, other, n % 2 == 0)
    q = pick(shared, other, n % 2 == 1)
    p.bump(-1)
    print("picked", p.name, q.name, p is q, p is shared, q is other)
    f1 = fresh_or_same(shared, True)
    f2 = fresh_or_same(shared, False)
    f1.bump(7)
    f2.bump(8)
    print("fresh", f1.name, f1.value, f2.name, f2.value, f1 is shared, f2 is shared)

    # rebinding a local does not affect the object
    alias = other
    alias.bump(0)
    shared.report()
    other.report()

    # None and instances
    maybe = None
    if n > 3:
        maybe = shared
    print("maybe", maybe is None, maybe is not None, maybe is shared, maybe == shared)
    nothing = None
    if n > 100:
        nothing = other
    print("nothing", nothing is None, nothing is other, nothing != other)

    # many holders of one counter, built in a loop
    hub = Counter("hub")
    prev = Holder("h0", hub)
    first = prev
    for i in range(50):
        h = Holder("hx", prev.counter)
        h.work(i % 4)
        prev = h
    print("hub", hub.value, hub.bumps, prev.counter is first.counter, prev is first)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
