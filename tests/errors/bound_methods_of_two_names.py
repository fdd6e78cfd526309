# expect-error: line 15: variable `f` is a bound method `Clock.tick` here and a bound method `Clock.reset` elsewhere
class Clock(object):
    def __init__(self):
        self.t = 0

    def tick(self):
        self.t += 1

    def reset(self):
        self.t = 0


def entry_point(argv):
    c = Clock()
    f = c.tick
    if len(argv) > 1:
        f = c.reset
    f()
    print(c.t)
    return 0
