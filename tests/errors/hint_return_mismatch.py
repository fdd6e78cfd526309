# expect-error: line 2: the return value is annotated `int` but is a str here
def name_of(n) -> int:
    return "n%d" % n

def entry_point(argv):
    print(name_of(3))
    return 0
