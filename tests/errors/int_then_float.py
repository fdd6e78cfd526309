# expect-error: line 5: variable `total` is a float here and an int elsewhere
def entry_point(argv):
    total = 0
    for i in range(3):
        total = total + 1.5
    print(total)
    return 0
