# args: 900 3
"""Linear recursion to a depth of about 900 frames (below CPython's limit of 1000), repeated several times."""
import sys


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


def depth_float(n, x):
    if n == 0:
        return x
    return depth_float(n - 1, x * 0.999 + 1.0)


def count_down(n, step):
    if n <= 0:
        return n
    return count_down(n - step, step)


def depth_max(n, best):
    if n == 0:
        return best
    v = (n * 7919) % 1009
    return depth_max(n - 1, max(best, v))


def entry_point(argv):
    n = int(argv[1])
    reps = int(argv[2])
    total = 0
    for r in range(reps):
        total += depth_sum(n - r)
    print(total, depth_sum(n))
    print(depth_float(n, 0.0))
    print(count_down(n, 7), count_down(n, 1), count_down(n, n + 1))
    print(depth_max(n, 0), depth_max(n - 100, -1))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
