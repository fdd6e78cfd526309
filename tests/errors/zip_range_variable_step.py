# expect-error: line 4: range() in `zip` or `enumerate` needs a constant step other than 0
def entry_point(argv):
    step = len(argv)
    for i, x in zip(range(0, 10, step), ["a", "b"]):
        print(i, x)
    return 0
