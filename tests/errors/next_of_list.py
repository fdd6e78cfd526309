# expect-error: line 4: next() of a list[int] is not supported: only generators are iterators here
def entry_point(argv):
    items = [1, 2, 3]
    print(next(items))
    return 0
