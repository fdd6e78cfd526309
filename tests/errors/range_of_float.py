# expect-error: line 3: range() needs int arguments, got a float
def entry_point(argv):
    for i in range(2.5):
        print(i)
    return 0
