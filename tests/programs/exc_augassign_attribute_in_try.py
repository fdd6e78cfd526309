# `obj.attr op= value` inside `try`: each operation that can raise ends a
# block there, and the object must be carried from the read of the
# attribute to the write. It was not, and every such statement stopped
# the translator with an invalid graph (found by the front-end fuzzer).


class Counter(object):
    def __init__(self, v):
        self.v = v


def bump(c, by):
    try:
        c.v += by
    finally:
        print("bumped", c.v)


def divide(c, by):
    try:
        c.v //= by
    except ZeroDivisionError:
        print("not divided:", c.v)
        return False
    return True


def entry_point(argv):
    c = Counter(len(argv) + 6)
    bump(c, 5)
    print(divide(c, 2), c.v)
    print(divide(c, 0), c.v)
    try:
        c.v *= c.v
        c.v -= divide(c, 0)
    finally:
        print("finally", c.v)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
