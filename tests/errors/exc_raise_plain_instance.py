# expect-error: line 10: exceptions must derive from BaseException: cannot raise a Plain instance
class Plain(object):
    def __init__(self, v):
        self.v = v


def entry_point(argv):
    p = Plain(3)
    if len(argv) > 1:
        raise p
    return 0
