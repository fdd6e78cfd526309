# Bound methods as values: `obj.method` held in a variable, list or
# attribute and called later, also through overrides and with keywords.

class Clock(object):
    def __init__(self):
        self.t = 0

    def tick(self):
        self.t += 1
        return self.t

    def add(self, n, k=1):
        self.t += n * k
        return self.t


class FastClock(Clock):
    def tick(self):
        self.t += 10
        return self.t


def call_twice(f):
    f()
    return f()


class Machine:
    def __init__(self, clock):
        self.on_step = clock.tick

    def step(self):
        return self.on_step()


def entry_point(argv):
    c = Clock()
    f = c.tick
    f()
    print(c.t, f())
    clocks = [Clock(), FastClock(), Clock()]
    ticks = [k.tick for k in clocks]
    for t in ticks:
        print(t(), call_twice(t))
    g = c.add
    print(g(5), g(2, k=3))
    m = Machine(FastClock())
    print(m.step(), m.step())
    maybe = None
    if len(argv) > 3:
        maybe = Clock()
    try:
        h = maybe.tick
        print(h())
    except AttributeError as e:
        print("AttributeError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
