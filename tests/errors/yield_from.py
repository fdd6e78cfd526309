# expect-error: line 7: `yield from` is not supported by the translator yet
def inner():
    yield 1


def outer():
    yield from inner()


def entry_point(argv):
    for x in outer():
        print(x)
    return 0
