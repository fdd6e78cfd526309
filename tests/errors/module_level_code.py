# expect-error: line 3: this statement is not supported at module level
X = 1
del X


def entry_point(argv):
    return 0
