import sys


def entry_point(argv):
    items = [3, 1, 4, 1, 5]
    for x in reversed(items):
        print(x, end=" ")
    print()
    for ch in reversed("héllo"):
        print(ch, end="")
    print()
    for i in reversed(range(3)):
        print(i)
    for i in reversed(range(len(items) - 3, len(items))):
        print(i)
    pairs = [(1, "a"), (2, "b")]
    for n, s in reversed(pairs):
        if n == 1:
            break
        print(n, s)
    else:
        print("no break")
    for x in reversed([]):
        print("never")
    else:
        print("empty done")
    print(pow(2, 10), pow(2.0, 0.5), pow(3, 2), pow(2, -1), pow(-8, 3))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
