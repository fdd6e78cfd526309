import math
from math import sqrt, pi


def call(name, x):
    if name == "sqrt":
        return math.sqrt(x)
    if name == "log":
        return math.log(x)
    return math.exp(x)


def check(name, x):
    try:
        print(name, x, call(name, x))
    except ValueError as e:
        print(name, x, "ValueError", e)
    except OverflowError as e:
        print(name, x, "OverflowError", e)


def entry_point(argv):
    print(sqrt(2.0), math.sqrt(16), pi, math.e)
    print(math.sin(1.0), math.cos(1.0), math.tan(0.5), math.atan(1.0))
    print(math.atan2(1.0, 2.0), math.hypot(3, 4), math.fmod(7.5, 2.0))
    print(math.exp(1.0), math.log(10.0), math.log10(1000.0), math.log(8.0, 2.0))
    print(math.pow(2.0, 10.0), math.floor(3.7), math.ceil(3.2), math.floor(-3.5))
    print(math.fabs(-2.5), math.isnan(math.nan), math.isinf(math.inf), math.isinf(1.0))
    for x in [-1.0, 0.0, 4.0, 1000.0]:
        check("sqrt", x)
        check("log", x)
        check("exp", x)
    try:
        print(math.floor(math.inf))
    except OverflowError as e:
        print("floor", e)
    try:
        print(math.pow(0.0, -1.0))
    except ValueError as e:
        print("pow", e)
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
