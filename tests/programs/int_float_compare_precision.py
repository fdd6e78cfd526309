# args: 9007199254740992 1
"""Exact int vs float comparisons near 2**53 and 2**63 where converting the int to float would be wrong."""
import sys

P53 = 9007199254740992
MAX = 9223372036854775807


def cmp_all(i, f):
    print(i, f, i == f, i != f, i < f, i <= f, i > f, i >= f)


def entry_point(argv):
    p = int(argv[1])
    one = int(argv[2])
    fp = float(p)
    print(9007199254740993 == 9007199254740992.0, 9007199254740992 == 9007199254740992.0)
    cmp_all(p, fp)
    cmp_all(p + one, fp)
    cmp_all(p - one, fp)
    cmp_all(p + 2, fp + 2.0)
    cmp_all(p + 3, fp + 2.0)
    cmp_all(p + 3, fp + 4.0)
    cmp_all(-p - one, -fp)
    cmp_all(MAX, 9.223372036854776e18)
    cmp_all(MAX - one, float(MAX))
    cmp_all(-MAX - one, -9.223372036854776e18)
    cmp_all(-MAX, -9.223372036854776e18)
    cmp_all(4611686018427387903, 4.611686018427388e18)
    cmp_all(P53 * 2 + one, fp * 2.0)
    cmp_all(one, 1.0000000000000002)
    cmp_all(one, 0.9999999999999999)
    cmp_all(p, 1e300)
    cmp_all(-p, -1e300)
    cmp_all(p, 1e300 * 1e300)
    cmp_all(-MAX, -(1e300 * 1e300))
    nan = 1e300 * 1e300 - 1e300 * 1e300
    cmp_all(one, nan)
    cmp_all(0, -0.0)
    print(max(p + one, p), min(fp + 1.0, fp), fp + 1.0 == fp, p + one - p)
    count = 0
    for i in range(-4, 5):
        if p + i == fp + i:
            count += 1
        if p + i < fp + i:
            count += 10
        if p + i > fp + i:
            count += 100
    print(count)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
