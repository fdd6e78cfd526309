# expect-error: line 5: function `f` returns a str here and an int elsewhere
def f(n):
    if n > 0:
        return 1
    return "no"

def entry_point(argv):
    print(f(len(argv)))
    return 0
