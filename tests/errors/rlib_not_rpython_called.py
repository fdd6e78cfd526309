# expect-error: line 5: `helper` is marked @not_rpython
from rpython.rlib.objectmodel import not_rpython

@not_rpython
def helper():
    return 1

def entry_point(argv):
    print(helper())
    return 0
