# expect-error: line 4: exceptions must derive from BaseException: cannot raise an int
def entry_point(argv):
    if len(argv) > 1:
        raise 5
    return 0
