# expect-error: line 5: `global` and `nonlocal` are not supported
COUNT = 0

def entry_point(argv):
    global COUNT
    return 0
