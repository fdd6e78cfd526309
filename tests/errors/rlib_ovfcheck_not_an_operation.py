# expect-error: line 5: ovfcheck() takes an arithmetic operation on ints, such as ovfcheck(a + b)
from rpython.rlib.rarithmetic import ovfcheck

def f(x):
    return ovfcheck(x)

def entry_point(argv):
    print(f(len(argv)))
    return 0
