# expect-error: line 5: `except` takes exception classes
def entry_point(argv):
    try:
        print(1 // (len(argv) - 1))
    except (ValueError, len):
        print(2)
    return 0
