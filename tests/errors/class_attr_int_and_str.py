# expect-error: line 9: attribute `x` of `Point` objects is a str here and an int elsewhere
# expect-note: it was given type int here
class Point(object):
    def __init__(self, x):
        self.x = x

    def relabel(self, flag):
        if flag:
            self.x = "far"


def entry_point(argv):
    p = Point(3)
    p.relabel(len(argv) > 2)
    print(p.x)
    return 0
