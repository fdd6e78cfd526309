# expect-error: line 4: unsupported operand types for +: int and str
# expect-note: `leaf` is reached from `entry_point` here
def leaf(x):
    return x + "a"

def entry_point(argv):
    print(leaf(len(argv)))
    return 0
