import sys


def entry_point(argv):
    a = {"x": 1.5, "y": 2.0}
    b = {"y": 2.0, "x": 1.5}
    print(a == b, a != b, a == {"x": 1.5}, {"k": "v"} == {"k": "v"}, {1: "a"} != {1: "b"})
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
