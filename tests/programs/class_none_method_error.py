# args: 3
"""Calling a method through an attribute that is still None raises AttributeError (exit code 1); the calls before it, through the same attribute once set, work."""
import sys


class Engine(object):
    def __init__(self, power):
        self.power = power

    def start(self, boost):
        return self.power * 10 + boost


class Machine(object):
    def __init__(self, name):
        self.name = name
        self.engine = None

    def install(self, power):
        self.engine = Engine(power)

    def run(self, boost):
        return self.engine.start(boost)


def entry_point(argv):
    n = int(argv[1])
    machines = Machine("m0")
    a = Machine("a")
    b = Machine("b")
    a.install(n)
    b.install(n + 1)
    print(a.name, a.run(1), b.name, b.run(2))
    c = Machine("c")
    if n > 100:
        c.install(1)
    print("engine of c is None", c.engine is None)
    print(c.name, c.run(3))
    print("unreachable", machines.name)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
