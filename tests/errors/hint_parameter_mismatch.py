# expect-error: line 2: parameter `n` is annotated `int` but is a str here
def double(n: int) -> int:
    return n * 2

def entry_point(argv):
    print(double(argv[0]))
    return 0
