# args: 7 2 3
"""Integer true division producing floats, incl. negative operands and large ints near 2**62."""
import sys

NEAR62 = 4611686018427387903
P62 = 4611686018427387904
MAX = 9223372036854775807
MIN = -9223372036854775807 - 1


def ratio(a, b):
    return a / b


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    c = int(argv[3])
    print(7 / 2, -7 / 2, 7 / -2, -7 / -2)
    print(a / b, -a / b, a / -b, -a / -b)
    print(1 / c, -1 / c, 2 / c, 10 / c)
    print(a / a, 0 / a, -0 / a, 0 / -a)
    print(NEAR62 / c, P62 / c, NEAR62 / a, (P62 + 1) / b)
    print(NEAR62 / NEAR62, P62 / NEAR62, NEAR62 / P62)
    print(MAX / b, MIN / b, MAX / MIN, MIN / MAX)
    print(MAX / 1, MIN / -1, (MAX - a) / 1)
    print(9007199254740993 / 1, 9007199254740995 / 1, 9007199254740993 / b)
    print(ratio(a * 1000003, c), ratio(c, a * 1000003))
    print(ratio(123456789, 1000), ratio(1, 1024), ratio(1, 10))
    total = 0.0
    for i in range(1, 30):
        total += ratio(i * a, i + c)
    print(total)
    q = a / b
    print(q * b == a, q, int(q))
    print(MAX / 3, MIN / 7, MAX / 1000000007)
    # exact (correctly rounded) int/int division differs from float(a)/float(b) here
    print(9007199254740993 / c, 9007199254740995 / (c + 2), 9007199254740995 / (c + 7))
    print((NEAR62 + 129) / c, -(NEAR62 + 130) / c, 9007199254740993 / -7)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
