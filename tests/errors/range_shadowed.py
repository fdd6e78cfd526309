# expect-error: line 5: an int is not callable
range = 3

def entry_point(argv):
    for i in range(2):
        pass
    return 0
