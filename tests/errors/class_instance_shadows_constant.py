# expect-error: line 8: assigning `LIMIT` on an instance, but class `Gauge` defines `LIMIT` in its body
class Gauge(object):
    LIMIT = 10

    def __init__(self, level):
        self.level = level
        if level > 5:
            self.LIMIT = 20

    def full(self):
        return self.level >= self.LIMIT


def entry_point(argv):
    g = Gauge(len(argv))
    print(g.full())
    return 0
