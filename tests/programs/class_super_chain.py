# args: 5
"""super().__init__ and super().m(...) chained through four levels, Base.method(self, ...) skipping a level, template methods in the base that call overridden hooks (dispatch on the receiver even from inherited code), and __init__ inherited without being redefined."""
import sys


class Logger(object):
    def __init__(self):
        self.lines = 0
        self.checksum = 0

    def log(self, a, b):
        self.lines += 1
        self.checksum = (self.checksum * 7 + a * 3 + b) % 1000003
        print("  log", a, b)


class Base(object):
    TITLE = "base"

    def __init__(self, logger, x):
        self.logger = logger
        self.x = x
        self.trail = 1
        logger.log(1, x)

    def step(self, n):
        self.trail = self.trail * 10 + 1
        return n + self.x

    def hook(self, n):
        return n

    def run(self, n):
        """Template method: calls the receiver's own step and hook."""
        r = self.hook(self.step(n))
        self.logger.log(r, self.trail)
        return r

    def name(self):
        return self.TITLE


class Middle(Base):
    TITLE = "middle"

    def __init__(self, logger, x, y):
        super().__init__(logger, x)
        self.y = y
        logger.log(2, y)

    def step(self, n):
        self.trail = self.trail * 10 + 2
        return super().step(n) * self.y

    def hook(self, n):
        return n + 1000


class Leaf(Middle):
    TITLE = "leaf"

    def __init__(self, logger, x, y, z):
        super().__init__(logger, x, y)
        self.z = z
        logger.log(3, z)

    def step(self, n):
        self.trail = self.trail * 10 + 3
        return super().step(n) - self.z

    def hook(self, n):
        # skip Middle.hook on purpose
        return Base.hook(self, n) + 7


class Deep(Leaf):
    TITLE = "deep"

    def step(self, n):
        self.trail = self.trail * 10 + 4
        # skip Leaf and go to Middle directly
        return Middle.step(self, n) + 1

    def name(self):
        return super().name()


class Quiet(Middle):
    # no __init__: Middle's is inherited
    def hook(self, n):
        return super().hook(n) * 2


def entry_point(argv):
    n = int(argv[1])
    logger = Logger()
    b = Base(logger, 2)
    m = Middle(logger, 3, 4)
    l = Leaf(logger, 5, 6, 7)
    d = Deep(logger, 8, 9, 10)
    q = Quiet(logger, 11, 12)
    print("made", logger.lines, logger.checksum)
    print("base", b.name(), b.run(n), b.trail)
    print("middle", m.name(), m.run(n), m.trail)
    print("leaf", l.name(), l.run(n), l.trail)
    print("deep", d.name(), d.run(n), d.trail, d.z, d.y, d.x)
    print("quiet", q.name(), q.run(n), q.trail, q.y)
    # the same objects through one base-typed variable
    total = 0
    obj = b
    for i in range(5):
        if i == 0:
            obj = b
        elif i == 1:
            obj = m
        elif i == 2:
            obj = l
        elif i == 3:
            obj = d
        else:
            obj = q
        total += obj.run(i)
        total += Base.step(obj, i)
    print("total", total, "log", logger.lines, logger.checksum)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
