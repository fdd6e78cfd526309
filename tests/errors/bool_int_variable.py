# expect-error: line 3: variable `flag` is a bool here and an int elsewhere
def entry_point(argv):
    flag = False
    if len(argv) > 1:
        flag = 1
    print(flag)
    return 0
