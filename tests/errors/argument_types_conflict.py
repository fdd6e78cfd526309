# expect-error: line 7: argument `x` of `double` is a float here and an int in another call
def double(x):
    return x * 2

def entry_point(argv):
    print(double(1))
    print(double(2.5))
    return 0
