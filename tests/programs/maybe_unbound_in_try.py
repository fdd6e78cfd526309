import sys


def pick(flag, n):
    try:
        if flag:
            x = n * 2
        total = x + 1
        return total
    except NameError:
        return -1


def entry_point(argv):
    print(pick(True, 20))
    try:
        print(pick(False, 20))
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
