# expect-error: line 3: a nested function is not supported by the translator yet
def entry_point(argv):
    def inner():
        return 1
    return inner()
