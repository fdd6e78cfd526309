# expect-error: line 5: `except` takes exception classes
def entry_point(argv):
    try:
        print(1)
    except len:
        pass
    return 0
