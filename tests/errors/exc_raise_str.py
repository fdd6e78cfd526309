# expect-error: line 4: exceptions must derive from BaseException: cannot raise a str
def entry_point(argv):
    if len(argv) > 1:
        raise "oops"
    return 0
