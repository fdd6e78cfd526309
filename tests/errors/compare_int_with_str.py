# expect-error: line 4: comparing an int with a str is not supported
def entry_point(argv):
    n = len(argv)
    if n == "2":
        print("two")
    return 0
