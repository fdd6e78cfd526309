# args: 1 2 7
"""Operations near the 64-bit limits 2**63-1 and -2**63 that stay in range in Python."""
import sys

MAX = 9223372036854775807
MIN = -9223372036854775807 - 1


def entry_point(argv):
    one = int(argv[1])
    two = int(argv[2])
    seven = int(argv[3])
    print(MAX, MIN, MAX + MIN, MIN + MAX, -MAX, MAX - one, MIN + one)
    print(MAX // two, MIN // two, MAX % two, MIN % two, MAX // seven, MIN // seven)
    print(MAX % seven, MIN % seven, MAX % -seven, MIN % -seven, MIN // -seven)
    print(MIN // one, MIN % one, MIN % -one, MAX // -one, MAX % -one, MIN * one)
    print(MAX * one, MAX // MAX, MIN // MIN, MIN // MAX, MAX // MIN, MIN % MAX, MAX % MIN)
    print(MIN >> 63, MAX >> 62, MIN >> one, MAX >> 1, MIN >> 62, one << 62, -one << 63)
    print(~MAX, ~MIN, ~MAX == MIN, MAX & MIN, MAX | MIN, MAX ^ MIN, MIN ^ -one)
    print(abs(MIN + one), abs(-MAX), min(MAX, MIN), max(MAX, MIN), -(MIN + 1))
    print(MAX > MIN, MIN < -MAX, MAX - MAX, MIN - MIN, (MAX - seven) + seven == MAX)
    print(float(MAX), float(MIN), MAX / two, MIN / two, MAX == float(MAX), MIN == float(MIN))
    print(MAX < float(MAX), MIN <= float(MIN), float(MAX) > MAX, MAX - 1 < 9.3e18)
    half = MAX // 2
    print(half + half, half + half + 1 == MAX, -half - half - 2 == MIN)
    x = MAX
    steps = 0
    while x > 0:
        x = x // seven
        steps += 1
    print(steps)
    y = MIN
    steps2 = 0
    while y < -1:
        y = y // 3 + 1
        steps2 += 1
    print(steps2, y)
    s = 0
    for i in range(64):
        s = s | (one << i) if i < 63 else s
    print(s, s == MAX)
    acc = MIN
    for i in range(10):
        acc = acc + (MAX // 10)
    print(acc)
    print(MAX - (MAX - MIN // -2), 3037000499 * 3037000499, -3037000499 * 3037000499)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
