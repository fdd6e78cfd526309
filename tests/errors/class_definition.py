# expect-error: line 2: classes are not supported yet
class Point:
    pass

def entry_point(argv):
    return 0
