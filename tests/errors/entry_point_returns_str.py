# expect-error: line 2: entry_point must return an int
def entry_point(argv):
    return "done"
