# expect-error: line 5: this lambda reads `i`, which the enclosing function assigns in the loop around it
def make(n):
    fs = []
    for i in range(n):
        fs.append(lambda: i * 10)
    return fs


def entry_point(argv):
    for f in make(3):
        print(f())
    return 0
