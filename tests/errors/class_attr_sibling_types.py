# expect-error: line 22: attribute `size` is a str in `Label` objects and an int in others
class Shape(object):
    def __init__(self, name):
        self.name = name


class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, "square")
        self.size = side


class Label(Shape):
    def __init__(self, text):
        Shape.__init__(self, "label")
        self.size = text


def show(s):
    # read through the base: `size` moves up to Shape with two types
    print(s.name)
    print(s.size)


def entry_point(argv):
    show(Square(3))
    show(Label("big"))
    return 0
