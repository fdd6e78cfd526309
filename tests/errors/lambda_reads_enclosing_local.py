# expect-error: line 4: this lambda reads `offset` from the enclosing function; closures are not supported yet
def shifted(items, offset):
    result = []
    f = lambda x: x + offset
    for i in items:
        result.append(f(i))
    return result

def entry_point(argv):
    print(shifted([1, 2], 10))
    return 0
