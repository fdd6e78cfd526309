# expect-error: line 5: `yield` inside `try` with `finally` is not supported
def lines(items):
    try:
        for x in items:
            yield x
    finally:
        print("done")


def entry_point(argv):
    for x in lines([1, 2]):
        print(x)
    return 0
