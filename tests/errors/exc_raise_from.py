# expect-error: line 6: `raise ... from ...` is not supported
def entry_point(argv):
    try:
        print(1 // (len(argv) - 1))
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
    return 0
