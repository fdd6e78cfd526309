"""A callee that catches an exception (raising allocates it, so the caller's
references may move): the list being iterated must be reloaded."""

import math


def call(name, x):
    if name == "sqrt":
        return math.sqrt(x)
    return math.log(x)


def check(name, x):
    try:
        print(name, x, call(name, x))
    except ValueError as e:
        print(name, x, "ValueError", e)


def entry_point(argv):
    for x in [-1.0, 0.0, 4.0]:
        check("sqrt", x)
        check("log", x)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
