# expect-error: line 20: the implementations of method `value` return different types
class Base(object):
    def value(self):
        return 1


class Text(Base):
    def value(self):
        return "one"


def pick(n):
    if n > 1:
        return Base()
    return Text()


def entry_point(argv):
    obj = pick(len(argv))
    print(obj.value())
    return 0
