# expect-error: line 8: `<` between lists of
class P(object):
    pass


def entry_point(argv):
    a = [P()]
    print(a < [P()])
    return 0


def target(*args):
    return entry_point, None
