# expect-error: line 5: function `total` reads `n`, which the enclosing function assigns after it
def outer(items):
    n = 0

    def total():
        return n * 2

    for i in items:
        n += i
    return total()


def entry_point(argv):
    print(outer([1, 2, 3]))
    return 0
