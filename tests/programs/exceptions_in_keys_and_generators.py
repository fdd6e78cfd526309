def key_fn(x):
    if x == 3:
        raise ValueError("bad key %d" % x)
    return -x


def gen(n):
    for i in range(n):
        if i == 4:
            raise IndexError("gen key")
        yield i


def entry_point(argv):
    xs = [5, 1, 3, 2]
    try:
        xs.sort(key=key_fn)
    except ValueError as e:
        print("ValueError", e, xs)
    try:
        print(sorted([1, 2, 3], key=key_fn))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(sum(gen(10)))
    except IndexError as e:
        print("IndexError", e)
    try:
        print(list(gen(10)))
    except IndexError as e:
        print("IndexError", e)
    try:
        print([x // (x - 2) for x in range(5)])
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(max([1, 2, 3], key=key_fn))
    except ValueError as e:
        print("ValueError", e)
    try:
        d = {i: 10 // (3 - i) for i in range(5)}
        print(d)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(any(10 // (2 - i) > 100 for i in range(5)))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    print(any(10 // (2 - i) > 3 for i in range(5)))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
