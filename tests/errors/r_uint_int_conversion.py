# expect-error: line 7: int() of an r_uint is not supported
from rpython.rlib.rarithmetic import r_uint


def entry_point(argv):
    x = r_uint(len(argv)) << 63
    return int(x) & 1


def target(*args):
    return entry_point, None
