# expect-error: line 4: unsupported operand types for <<: float and int
def entry_point(argv):
    x = 1.5
    print(x << 2)
    return 0
