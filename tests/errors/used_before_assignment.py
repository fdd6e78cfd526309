# expect-error: line 3: local variable `y` is used before it is assigned
def entry_point(argv):
    print(y)
    y = 1
    return 0
