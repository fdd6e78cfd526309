# expect-error: line 2: integer literal does not fit in 64 bits
BIG = 100000000000000000000

def entry_point(argv):
    print(BIG)
    return 0
