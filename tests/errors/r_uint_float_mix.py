# expect-error: line 7: convert the r_uint with float(x) first
from rpython.rlib.rarithmetic import r_uint


def entry_point(argv):
    x = r_uint(len(argv))
    y = x * 0.5
    print(y)
    return 0


def target(*args):
    return entry_point, None
