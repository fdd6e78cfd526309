# expect-error: line 7: a bare `raise` is only supported inside an `except` block
def entry_point(argv):
    try:
        print(1 // (len(argv) - 1))
    except ZeroDivisionError:
        print("handled")
    raise
