import sys


class Oops(Exception):
    pass


def entry_point(argv):
    print("to stdout", 1, file=sys.stdout)
    print("to stderr", 2, 3.5, [1, 2], None, True, file=sys.stderr)
    print("a", "b", sep="-", end="!\n", file=sys.stderr)
    sys.stderr.write("direct\n")
    try:
        raise Oops("bad thing")
    except Oops as e:
        print("caught:", e, file=sys.stderr)
    print("done")
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
