# args: 12 5
"""A mini pipeline of more than 20 small functions calling each other with int, float and bool values."""
import sys

MOD = 1000003
SEED = 12345


def inc(x):
    return x + 1


def dec(x):
    return x - 1


def dbl(x):
    return x * 2


def half(x):
    return x // 2


def sq(x):
    return x * x


def modp(x):
    return x % MOD


def neg(x):
    return -x


def is_odd(x):
    return x % 2 == 1


def step(x):
    if is_odd(x):
        return inc(dbl(x))
    return half(x)


def mix(x, y):
    return modp(sq(x) + dbl(y) + 1)


def stage1(x):
    return modp(inc(sq(dec(x))))


def stage2(x):
    return step(step(stage1(x)))


def stage3(x, y):
    return mix(stage2(x), stage2(y))


def to_unit(x):
    return x / MOD


def scale(f, k):
    return f * k


def shift(f):
    return f - 0.5


def fabs_(f):
    return abs(f)


def fstage(x):
    return fabs_(shift(scale(to_unit(x), 2.0)))


def accumulate(n, y):
    total = 0
    for i in range(n):
        total = modp(total + stage3(i, y))
    return total


def faccumulate(n):
    t = 0.0
    for i in range(n):
        t += fstage(stage1(i))
    return t


def checksum(a, b):
    return modp(a * 31 + b)


def hash_chain(x, rounds):
    h = SEED
    for r in range(rounds):
        h = checksum(h, x + r)
        h = step(h)
    return h


def classify(x):
    if x < 1000:
        return 0
    if x < 100000:
        return 1
    return 2


def report(name_id, value):
    print("report", name_id, value, classify(value))


def run(n, y):
    a = accumulate(n, y)
    report(1, a)
    b = hash_chain(a, n)
    report(2, b)
    c = checksum(a, b)
    report(3, c)
    d = neg(dec(inc(c)))
    report(4, d)
    return checksum(modp(d), n)


def entry_point(argv):
    n = int(argv[1])
    y = int(argv[2])
    print(inc(n), dec(n), dbl(n), half(n), sq(n), neg(n), is_odd(n), is_odd(y))
    print(step(n), step(y), mix(n, y), stage1(n), stage2(n), stage3(n, y))
    print(to_unit(n), fstage(n), fstage(MOD - 1), faccumulate(n))
    print(run(n, y), run(y, n))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
