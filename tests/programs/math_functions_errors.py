import math


def apply(name, x):
    if name == "sqrt":
        return math.sqrt(x)
    if name == "log":
        return math.log(x)
    if name == "log10":
        return math.log10(x)
    if name == "exp":
        return math.exp(x)
    if name == "sin":
        return math.sin(x)
    if name == "cos":
        return math.cos(x)
    if name == "tan":
        return math.tan(x)
    if name == "atan":
        return math.atan(x)
    if name == "fabs":
        return math.fabs(x)
    return math.pow(x, 0.5)


def try_apply(name, x):
    try:
        print(name, repr(x), repr(apply(name, x)))
    except ValueError as e:
        print(name, repr(x), "ValueError", e)
    except OverflowError as e:
        print(name, repr(x), "OverflowError", e)


def try_fmod(a, b):
    try:
        print("fmod", a, b, math.fmod(a, b))
    except ValueError as e:
        print("fmod", a, b, "ValueError", e)


def try_pow(a, b):
    try:
        print("pow", a, b, math.pow(a, b))
    except ValueError as e:
        print("pow", a, b, "ValueError", e)
    except OverflowError as e:
        print("pow", a, b, "OverflowError", e)


def try_floor(x):
    try:
        print("floor/ceil", x, math.floor(x), math.ceil(x))
    except ValueError as e:
        print("floor/ceil", x, "ValueError", e)
    except OverflowError as e:
        print("floor/ceil", x, "OverflowError", e)


def entry_point(argv):
    print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
    print(repr(math.pi * 2 == math.tau), math.isnan(math.nan), math.isinf(-math.inf), math.isnan(1.0))
    names = ["sqrt", "log", "log10", "exp", "sin", "cos", "tan", "atan", "fabs", "pow"]
    values = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 100.0, 1e-300, 1e300, 710.0, -745.5, math.inf, -math.inf, math.nan]
    for name in names:
        for v in values:
            try_apply(name, v)
    for a, b in [(7.0, 3.0), (-7.0, 3.0), (7.0, -3.0), (1.0, 0.0), (math.inf, 1.0), (5.0, math.inf), (0.0, 1.0)]:
        try_fmod(a, b)
    for a, b in [(2.0, 10.0), (0.0, -1.0), (-8.0, 1.0 / 3.0), (10.0, 400.0), (-2.0, 3.0), (1.0, math.nan), (math.nan, 0.0), (0.0, 0.0)]:
        try_pow(a, b)
    for x in [2.5, -2.5, 0.0, -0.0, 1e15 + 0.3, -1e-300, math.inf, math.nan]:
        try_floor(x)
    print(math.hypot(3.0, 4.0), math.hypot(-5.0, 12.0), math.hypot(0.0, 0.0), math.hypot(1e300, 1e300), math.hypot(math.inf, math.nan))
    print(math.atan2(0.0, -0.0), math.atan2(-0.0, -1.0), math.atan2(1.0, 0.0), math.atan2(math.inf, math.inf))
    print(math.log(8.0, 2.0), math.log(100.0, 10.0), math.log(1.0), math.exp(0.0), math.sqrt(2.0) ** 2)
    print(math.floor(7), math.ceil(-7), math.sqrt(16), math.fabs(-3), math.floor(2.5) + 1)
    total = 0.0
    for i in range(1, 100):
        total += math.sin(i * 0.1) * math.cos(i * 0.2) + math.sqrt(i)
    print("%.10f" % total)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
