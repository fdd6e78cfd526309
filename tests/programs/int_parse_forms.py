# args: +7 -0 1_000 007 -12 9223372036854775807 -9223372036854775808 +0 1_2_3
"""int() parsing of argv strings with signs, leading zeros, underscores and 64-bit extremes."""
import sys


def entry_point(argv):
    print("argc", len(argv))
    plus = int(argv[1])
    negz = int(argv[2])
    thousand = int(argv[3])
    lead = int(argv[4])
    neg = int(argv[5])
    mx = int(argv[6])
    mn = int(argv[7])
    pz = int(argv[8])
    us = int(argv[9])
    print(plus, negz, thousand, lead, neg, mx, mn, pz, us)
    print(plus + negz, thousand * plus, lead - neg, mx + mn, mn + 1, mx - 1)
    print(negz == 0, pz == negz, -negz, negz * -1, thousand // neg, thousand % neg)
    print(float(negz), float(plus), float(thousand) / neg, us * 1.5)
    s = 0
    for i in range(1, len(argv)):
        v = int(argv[i])
        s = s ^ v
        print("arg", i, argv[i], v)
    print(s)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
