# expect-error: line 3: `try` is not supported by the translator yet
def entry_point(argv):
    try:
        print(1)
    except ValueError:
        pass
    return 0
