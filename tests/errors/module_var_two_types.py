# expect-error: line 3: module variable `X` is a str here and an int elsewhere
X = 1
X = "a"


def entry_point(argv):
    print(X)
    return 0
