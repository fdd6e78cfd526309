# expect-error: line 4: unsupported operand types for +: str and int
def entry_point(argv):
    s = argv[0]
    print(s + 1)
    return 0
