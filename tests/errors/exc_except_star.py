# expect-error: line 3: `except*` is not supported
def entry_point(argv):
    try:
        print(1)
    except* ValueError:
        print(2)
    return 0
