# expect-error: line 4: next() of a list[int]: it is not an iterator
def entry_point(argv):
    items = [1, 2, 3]
    print(next(items))
    return 0
