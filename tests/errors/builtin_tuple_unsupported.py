# expect-error: line 4: `tuple` is not supported: a tuple's length and item types must be known
def entry_point(argv):
    items = [1, 2]
    t = tuple(items)
    print(t)
    return 0


def target(*args):
    return entry_point, None
