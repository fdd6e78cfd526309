# expect-error: line 5: a computed format spec in an f-string
def entry_point(argv):
    w = 5
    x = 3
    print(f"{x:{w}}")
    return 0
