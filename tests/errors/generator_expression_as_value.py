# expect-error: line 3: a generator expression is supported only as the single argument of sum, min, max, sorted, set, list, any, all
def positives(items):
    g = (x for x in items if x > 0)
    return sum(g)

def entry_point(argv):
    print(positives([1, -2]))
    return 0
