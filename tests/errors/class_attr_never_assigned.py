# expect-error: line 11: `Box` objects have no attribute `height`
class Box(object):
    def __init__(self, width):
        self.width = width

    def grow(self):
        self.width += 1


def area(b):
    return b.width * b.height


def entry_point(argv):
    b = Box(2)
    b.grow()
    print(area(b))
    return 0
