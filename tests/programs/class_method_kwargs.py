# args: 3 8
"""Methods and __init__ with default arguments and keyword arguments: keywords in any order, defaults of every type including None and constants, overridden methods (same defaults) called virtually with keywords, super().__init__, super().m and Base.m(self, ...) with keywords."""
import sys

LIMIT = 50


class Formatter(object):
    def __init__(self, width=10, fill="-", upper=False, scale=1.0, parent=None):
        self.width = width
        self.fill = fill
        self.upper = upper
        self.scale = scale
        self.parent = parent

    def depth(self):
        n = 0
        p = self.parent
        while p is not None:
            n += 1
            p = p.parent
        return n

    def show(self):
        print("fmt", self.width, self.fill, self.upper, self.scale, "depth", self.depth())

    def measure(self, x, extra=0, clamp=LIMIT):
        v = int(x * self.scale) + extra
        if v > clamp:
            return clamp
        return v

    def pad(self, n, left=True, right=False):
        total = 0
        if left:
            total += self.width - n
        if right:
            total += self.width - n
        return total


class WideFormatter(Formatter):
    def __init__(self, width=40, fill="="):
        super().__init__(width, fill=fill, scale=2.5)

    def measure(self, x, extra=0, clamp=LIMIT):
        return Formatter.measure(self, x, extra=extra + 5, clamp=clamp * 2) + 1

    def banner(self, times=2, mark="!", loud=None):
        for i in range(times):
            print(mark, self.fill, self.width - i, loud)


class ChildFormatter(Formatter):
    def __init__(self, parent, upper=True):
        Formatter.__init__(self, upper=upper, parent=parent, width=parent.width - 2)

    def measure(self, x, extra=0, clamp=LIMIT):
        return super().measure(x, clamp=clamp // 2, extra=extra - 1) * 2


def run(f, x):
    print(f.measure(x), f.measure(x, 3), f.measure(x, extra=7), f.measure(x, clamp=4), f.measure(clamp=100, x=x, extra=1))


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    f0 = Formatter()
    f1 = Formatter(12)
    f2 = Formatter(fill="*", width=b)
    f3 = Formatter(5, "+", True)
    f4 = Formatter(upper=True, scale=0.5, parent=f3)
    w = WideFormatter()
    w2 = WideFormatter(fill="#")
    c = ChildFormatter(f4)
    c2 = ChildFormatter(parent=c, upper=False)
    f0.show()
    f1.show()
    f2.show()
    f3.show()
    f4.show()
    w.show()
    w2.show()
    w.banner()
    w2.banner(1)
    w.banner(mark="?", times=3)
    w2.banner(loud="yes")
    c.show()
    c2.show()
    x = float(a * b)
    run(f0, x)
    run(f4, x)
    run(w, x)
    run(c, x)
    run(c2, x)
    print("pad", f0.pad(a), f1.pad(a, False), f2.pad(a, right=True), f3.pad(n=a, left=False, right=True), c.pad(2, True, True))
    # the same call site reaching every override
    total = 0
    f = f0
    for i in range(6):
        if i % 3 == 0:
            f = f1
        elif i % 3 == 1:
            f = w
        else:
            f = c2
        total += f.measure(x + i, extra=i)
        total += f.measure(x)
    print("total", total)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
