# expect-error: line 3: variable `total` is annotated `float` but is an int here
def mean(items):
    total: float = 0
    for x in items:
        total += x
    return total / len(items)

def entry_point(argv):
    print(mean([1.0, 2.0]))
    return 0
