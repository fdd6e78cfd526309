# An exception raised in a function called through a function value: the
# traceback names every frame, the indirect call's line included.


def check_positive(x):
    if x < 0:
        raise ValueError("negative: " + str(x))
    return x


def check_small(x):
    if x > 100:
        raise ValueError("too big: " + str(x))
    return x


CHECKS = [check_positive, check_small]


def validate(values):
    n = 0
    for v in values:
        for check in CHECKS:
            n += check(v)
    return n


def entry_point(argv):
    print(validate([1, 2, 3]))
    print(validate([5, 500]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
