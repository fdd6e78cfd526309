class MyError(Exception):
    pass


class CodeError(MyError):
    def __init__(self, code):
        self.code = code


def divide(a, b):
    return a // b


def check(n):
    if n < 0:
        raise ValueError("negative")
    if n == 0:
        raise MyError("zero")
    if n > 100:
        raise CodeError(n)
    return n * 2


def safe_check(n):
    try:
        return check(n)
    except CodeError as e:
        print("code error", e.code)
        return -e.code
    except MyError as e:
        print("my error:", e)
        return -1
    except ValueError:
        print("value error")
        return -2


def cleanup(n):
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            if i == 7:
                break
            total += i
        finally:
            total += 100
    return total


def nested(x):
    try:
        try:
            return divide(10, x)
        except ZeroDivisionError as e:
            print("inner", e)
            raise
        finally:
            print("inner finally")
    except ArithmeticError:
        print("outer caught")
        return -1


def else_clause(x):
    try:
        y = 10 // x
    except ZeroDivisionError:
        print("div by zero")
        y = 0
    else:
        print("no error", y)
    return y


def assertions(x):
    try:
        assert x > 0, "x must be positive"
        return x
    except AssertionError as e:
        print("assert:", e)
        return 0


def runtime_errors(argv):
    try:
        print(int("abc"))
    except ValueError as e:
        print("caught:", e)
    try:
        print(1.0 / 0.0)
    except ZeroDivisionError as e:
        print("caught:", e)
    try:
        z = len(argv) - len(argv)
        print(10 % z)
    except ZeroDivisionError as e:
        print("caught:", e)


class Node(object):
    def __init__(self, value):
        self.value = value
        self.next = None


def none_attr(n):
    try:
        return n.next.value
    except AttributeError as e:
        print("attr:", e)
        return -1


def deep(n):
    if n == 0:
        raise MyError("bottom")
    return deep(n - 1) + 1


def entry_point(argv):
    print(safe_check(5))
    print(safe_check(0))
    print(safe_check(-3))
    print(safe_check(500))
    print(cleanup(10))
    print(nested(2))
    print(nested(0))
    print(else_clause(5))
    print(else_clause(0))
    print(assertions(3))
    print(assertions(-1))
    runtime_errors(argv)
    print(none_attr(Node(3)))
    try:
        deep(50)
    except MyError as e:
        print("deep:", e)
    caught = 0
    for i in range(1000):
        try:
            if i % 7 == 0:
                raise CodeError(i)
        except CodeError as e:
            caught += e.code
    print(caught)
    check(-5)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
