# expect-error: line 11: method `tick` used as a value: bound methods are not supported yet
class Clock(object):
    def __init__(self):
        self.t = 0

    def tick(self):
        self.t += 1

def entry_point(argv):
    c = Clock()
    f = c.tick
    f()
    print(c.t)
    return 0
