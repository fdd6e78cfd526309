# expect-error: line 8: only single inheritance is supported
class A(object):
    pass

class B(object):
    pass

class C(A, B):
    pass

def entry_point(argv):
    return 0
