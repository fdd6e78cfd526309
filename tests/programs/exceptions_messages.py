# str(e) of built-in and user exceptions, as CPython gives it: the message,
# the key's repr for a KeyError, set by BaseException.__init__ through
# super() or the class; the uncaught one names its class as CPython does.

class MyError(Exception):
    pass


class CodedError(Exception):
    def __init__(self, code, msg):
        Exception.__init__(self, msg)
        self.code = code


def f(n):
    if n > 2:
        raise ValueError("bad value %d" % n)
    if n > 1:
        raise MyError("mine")
    return {}[n]


def entry_point(argv):
    for i in [0, 2, 3]:
        try:
            f(i)
        except ValueError as e:
            print("ValueError", str(e), e)
        except MyError as e:
            print("MyError", str(e))
        except KeyError as e:
            print("KeyError", str(e), e)
    try:
        raise CodedError(7, "seven")
    except CodedError as e:
        print(e.code, str(e))
    try:
        x = [1][5]
    except IndexError as e:
        print(e)
    for k in ["a", "b"]:
        try:
            raise KeyError(k)
        except KeyError as e:
            print("raised", e, f"<{e}>", "%s!" % e)
    try:
        raise Wrapped("x", 3)
    except Wrapped as e:
        print(str(e))
    try:
        raise Empty()
    except Empty as e:
        print("[%s]" % e)
    try:
        raise Quiet(5)
    except Quiet as e:
        print("quiet:", e)
    raise CodedError(9, "uncaught with a message")


class Wrapped(Exception):
    def __init__(self, a, b):
        Exception.__init__(self, a, b)


class Empty(Exception):
    def __init__(self):
        super().__init__()


class Quiet(KeyError):
    def __init__(self, n):
        KeyError.__init__(self, "key %d" % n)


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
