# expect-error: line 5: `return` with a value in a generator is not supported
def upto(n):
    for i in range(n):
        yield i
    return n


def entry_point(argv):
    for x in upto(2):
        print(x)
    return 0
