# A `finally` around a loop reads the loop variable. On the exception
# edges leaving the loop header the variable is not bound yet; the
# translator passed it there as a null pointer into an int and LLVM
# rejected the module (found by the front-end fuzzer).


def first_square(d):
    try:
        for k in d:
            return k * k
    finally:
        print("finally", k)
    return -1


def first_item(d):
    try:
        for k, v in d.items():
            s = str(v)
            return k + len(s)
    finally:
        print("finally", k, v, s)
    return -1


def entry_point(argv):
    print(first_square({3: 1}))
    print(first_item({4: 123}))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
