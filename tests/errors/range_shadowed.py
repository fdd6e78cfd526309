# expect-error: line 5: a `for` loop over anything but range()
range = 3

def entry_point(argv):
    for i in range(2):
        pass
    return 0
