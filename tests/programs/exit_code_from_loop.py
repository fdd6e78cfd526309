# args: 10 7
"""Exit code chosen by an early return from inside a nested loop in entry_point (exit code 42)."""
import sys


def entry_point(argv):
    n = int(argv[1])
    t = int(argv[2])
    for i in range(n):
        for j in range(n):
            if i * j == t * 6:
                print("found", i, j)
                return i * j
        print("row", i, "done")
    print("not found")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
