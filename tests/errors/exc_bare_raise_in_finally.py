# expect-error: line 6: a bare `raise` is only supported inside an `except` block
def entry_point(argv):
    try:
        print(1)
    finally:
        raise
    return 0
