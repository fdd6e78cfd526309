# expect-error: line 3: name `foo` is not defined
def entry_point(argv):
    print(foo)
    return 0
