# list.index raises CPython's ValueError "<repr(x)> is not in list".

def find(items, x):
    try:
        return items.index(x)
    except ValueError as e:
        print("ValueError:", e)
        return -1


def find_str(items, x):
    try:
        return items.index(x)
    except ValueError as e:
        print("ValueError:", e)
        return -1


def find_float(items, x):
    try:
        return items.index(x)
    except ValueError as e:
        print("ValueError:", e)
        return -1


def find_bool(items, x):
    try:
        return items.index(x)
    except ValueError as e:
        print("ValueError:", e)
        return -1


def entry_point(argv):
    print(find([1, 2, 3], 2), find([1, 2, 3], 42))
    print(find_str(["a", "b"], "b"), find_str(["a", "b"], "it's"))
    print(find_float([1.5, 2.0], 2.0), find_float([1.5, 2.0], 0.1))
    print(find_bool([True], False))
    l = [3, 4]
    l.remove(4)
    try:
        l.remove(9)
    except ValueError as e:
        print(e)
    print([1, 2].index(len(argv) + 5))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
