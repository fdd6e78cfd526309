# expect-error: line 7: r_uint values cannot be stored in lists
from rpython.rlib.rarithmetic import r_uint


def entry_point(argv):
    x = r_uint(3)
    words = [x, x]
    return len(words)


def target(*args):
    return entry_point, None
