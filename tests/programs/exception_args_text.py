class MyErr(Exception):
    pass

class Coded(Exception):
    def __init__(self, code, where):
        self.code = code
        self.where = where

class MyErr2(Exception):
    def __init__(self, p, l):
        self.p = p

def entry_point(argv):
    try:
        raise ValueError(5)
    except ValueError as e:
        print(str(e))
    try:
        raise MyErr("x")
    except MyErr as e:
        print(str(e))
    try:
        raise Coded(3, "here")
    except Coded as e:
        print(str(e), e.code)
    try:
        raise KeyError(7)
    except KeyError as e:
        print(str(e))
    try:
        raise KeyError("k")
    except KeyError as e:
        print(str(e))
    try:
        raise MyErr(2.5)
    except MyErr as e:
        print(e)
    print(str(IndexError()))
    print(str(MyErr2(1.5, (2, "x"))))
    raise Coded(1, None)


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
