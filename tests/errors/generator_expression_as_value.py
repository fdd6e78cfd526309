# expect-error: line 3: a generator expression is supported only as the single argument of sum
def positive(items):
    return any(x > 0 for x in items)

def entry_point(argv):
    print(positive([1, -2]))
    return 0
