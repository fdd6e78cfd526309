# expect-error: line 3: syntax error
def entry_point(argv):
    x = = 1
    return 0
