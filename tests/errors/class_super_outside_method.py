# expect-error: line 9: `super()` is only supported inside a method
class Base(object):
    def hello(self):
        return 1


def helper(obj):
    x = obj.hello()
    return x + super().hello()


def entry_point(argv):
    print(helper(Base()))
    return 0
