# expect-error: line 3: decode() supports only the UTF-8 codec
def f(b):
    return b.decode("latin-1")

def entry_point(argv):
    print(f(b"abc"))
    return 0
