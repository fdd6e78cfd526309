# expect-error: line 6: which may not be assigned yet where the function is defined
def pick(flag):
    if flag:
        limit = 10

    def under(v):
        return v < limit

    return under(3)


def entry_point(argv):
    print(pick(len(argv) > 0))
    return 0
