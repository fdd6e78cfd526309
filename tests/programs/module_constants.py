# args: 6
"""Module-level constants of every allowed type, incl. expressions built from earlier constants."""
import sys

N = 10
M = N * 3 + 1
NEG = -N // 4
HALF = N / 4
RATIO = HALF * 2.5 - 1
BIGC = 2 ** 40 + N
MASKC = (1 << 20) - 1
FLAG = True
OFF = not FLAG
NOTHING = None
NAME = "constant"
LIMIT = M if FLAG else N
EPS = 1e-9
MIXED = N + HALF
CMP = N < M <= 31
MAXI = 9223372036854775807
MINI = -MAXI - 1


def use(x):
    return x * M + NEG


def scaled(f):
    return f * RATIO + EPS


def entry_point(argv):
    k = int(argv[1])
    print(N, M, NEG, HALF, RATIO, BIGC, MASKC)
    print(FLAG, OFF, NOTHING, NAME, LIMIT, EPS, MIXED, CMP)
    print(MAXI, MINI, MAXI + MINI)
    print(use(k), scaled(float(k)), BIGC & MASKC, BIGC >> 20, MIXED * k)
    total = 0
    for i in range(NEG, LIMIT, k):
        total += i
    print(total)
    if FLAG and not OFF:
        print("flags ok")
    if OFF or M > LIMIT:
        print("unexpected")
    else:
        print("limits ok")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
