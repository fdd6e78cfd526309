# args: 300 2
"""Float ** that overflows raises OverflowError (unlike float *, which gives inf); exit code 1."""
import sys


def entry_point(argv):
    e = int(argv[1])
    k = int(argv[2])
    base = 10.0
    print("mul overflow gives", base ** e * base ** e)
    print("pow ok", base ** e, 2.0 ** 1023, 0.5 ** 2000)
    for i in range(k + 1):
        print("step", i, (1.0 + 5.0 * i) ** (e + 8))
    print("unreachable")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
