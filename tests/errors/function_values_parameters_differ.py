# expect-error: line 12: this call may run any of the functions `one`, `two`, which take their parameters differently
def one(a):
    return a


def two(a, b=1):
    return a + b


def entry_point(argv):
    fs = [one, two]
    print(fs[len(argv) % 2](1))
    return 0
