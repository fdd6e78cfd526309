# expect-error: line 11: `except` takes exception classes
class Plain(object):
    pass


def entry_point(argv):
    try:
        print(1 // (len(argv) - 1))
    except ZeroDivisionError:
        print(2)
    except Plain:
        print(3)
    return 0
