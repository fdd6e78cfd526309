class MyErr(Exception):
    pass


class Sub(MyErr):
    def __init__(self, code):
        self.code = code


def entry_point(argv):
    try:
        raise ValueError()
    except ValueError as e:
        print("ValueError", e)
    try:
        raise MyErr("plain")
    except MyErr as e:
        print("MyErr", e)
    try:
        raise Sub(7)
    except MyErr as e:
        print("Sub as MyErr", isinstance(e, Sub))
    try:
        raise IndexError("custom index")
    except LookupError as e:
        print("LookupError", e)
    try:
        d = {}
        print(d["k"])
    except LookupError as e:
        print("LookupError", e)
    try:
        raise MyErr()
    except MyErr as e:
        print("empty", e)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
