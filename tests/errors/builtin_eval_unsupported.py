# expect-error: line 3: `eval` is not supported by the translator
def entry_point(argv):
    x = eval("1 + 1")
    print(x)
    return 0


def target(*args):
    return entry_point, None
