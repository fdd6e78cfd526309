# expect-error: line 3: float() of a str is not supported yet
def entry_point(argv):
    print(float(argv[0]))
    return 0
