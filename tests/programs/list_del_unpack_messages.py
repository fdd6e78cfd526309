def unpack3(xs):
    a, b, c = xs
    return a + b + c


def entry_point(argv):
    a = [1, 2]
    for i in [50, -3, 1]:
        try:
            del a[i]
            print("deleted", i, a)
        except IndexError as e:
            print("IndexError", e)
    empty = []
    try:
        del empty[0]
    except IndexError as e:
        print("IndexError", e)
    for xs in [[1, 2], [1, 2, 3], [1, 2, 3, 4], []]:
        try:
            print(unpack3(xs))
        except ValueError as e:
            print("ValueError", e)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
