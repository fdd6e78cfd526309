# args: 3 4
"""entry_point returns a non-zero exit code computed from argv after printing results (exit code 3)."""
import sys


def validate(a, b):
    if a <= 0:
        return 2
    if a + b > 100:
        return 4
    if a % 2 == 1:
        return 3
    return 0


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    print("checking", a, b)
    code = validate(a, b)
    print("code", code)
    if code != 0:
        print("failing with", code)
        return code
    print("all good")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
