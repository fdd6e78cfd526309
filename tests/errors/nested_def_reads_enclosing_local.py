# expect-error: line 4: function `scale` reads `factor` from the enclosing function
def run(factor):
    total = 0
    def scale(v):
        return v * factor
    for i in range(3):
        total += scale(i)
    return total

def entry_point(argv):
    print(run(2))
    return 0
