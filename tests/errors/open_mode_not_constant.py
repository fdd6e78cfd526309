# expect-error: line 3: the mode of open() must be a string constant
def read_all(path, mode):
    f = open(path, mode)
    return f.read()


def entry_point(argv):
    print(read_all(argv[0], "r"))
    return 0
