# expect-error: line 9: exceptions must derive from BaseException
class Plain(object):
    def __init__(self, v):
        self.v = v


def entry_point(argv):
    if len(argv) > 1:
        raise Plain
    return 0
