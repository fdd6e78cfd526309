def dict_grow(d):
    try:
        for k in d:
            d[k + 100] = 1
    except RuntimeError as e:
        print("RuntimeError", e)
    print(len(d))


def dict_delete_last(d):
    try:
        n = 0
        for k in d:
            n += 1
            if n == len(d):
                del d[k]
    except RuntimeError as e:
        print("RuntimeError", e)
    print(len(d))


def set_grow(s):
    try:
        for x in s:
            s.add(x + 1000)
    except RuntimeError as e:
        print("RuntimeError", e)
    print(len(s))


def set_same_size(s):
    # Removing one and adding one keeps the size: no error.
    n = 0
    for x in s:
        n += 1
        if n == 1:
            s.discard(x)
            s.add(x)
    print("same size", n, len(s))


def values_ok(d):
    # Changing values (not keys) while iterating is fine.
    for k in d:
        d[k] = d[k] * 2
    print(sorted(d.values()))


def entry_point(argv):
    dict_grow({1: 1, 2: 2, 3: 3})
    dict_delete_last({1: 1, 2: 2, 3: 3})
    set_grow({1, 2, 3})
    set_same_size({5, 6, 7})
    values_ok({1: 1, 2: 2})
    s = {1, 2}
    for x in s:
        s.add(3)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
