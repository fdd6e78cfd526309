# args: 3
"""Constants that a loop never reassigns stay constants inside it: int ** e with e = -1 is a float."""
import sys


def entry_point(argv):
    e = -1
    x = int(argv[1])
    print(x ** e)
    for i in range(2):
        print(x ** e, i ** 2)
    k = 2
    n = 0
    while n < 3:
        n += k
        print(n, 10 ** -k)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
