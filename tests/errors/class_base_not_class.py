# expect-error: line 7: the base of class `Child` must be a class defined before it, not `make`
def make():
    return 1



class Child(make):
    def value(self):
        return 2


def entry_point(argv):
    print(Child().value())
    return 0
