# args: 4 9
"""Default argument values and keyword arguments at call sites, in any order and mixed with positionals."""
import sys

SCALE = 3
OFFSET = SCALE * 2 + 1


def affine(x, a=SCALE, b=OFFSET):
    return a * x + b


def fmix(x, w=0.5, bias=-1.0):
    return x * w + bias


def clamp(x, lo=0, hi=100):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def flag(x, strict=False):
    if strict:
        return x > 0
    return x >= 0


def label(x, neg="neg", pos="pos"):
    if x < 0:
        return neg
    return pos


def nothing(x, y=None):
    return y


def power(base, exp=2, mod=0):
    r = base ** exp
    if mod != 0:
        r = r % mod
    return r


def entry_point(argv):
    a = int(argv[1])
    b = int(argv[2])
    print(affine(a), affine(a, 2), affine(a, 2, 5), affine(a, b=0), affine(a, a=1), affine(b=1, a=2, x=a))
    print(affine(x=b), affine(a, b=a, a=b), OFFSET, SCALE)
    print(fmix(2.0), fmix(2.0, 0.25), fmix(2.0, bias=1.0), fmix(w=2.0, x=3.0), fmix(1.0, bias=0.0, w=0.1))
    print(clamp(a * 30), clamp(-a), clamp(a), clamp(a * 30, hi=b), clamp(-a, lo=-2), clamp(a, 5, 8))
    print(flag(0), flag(0, True), flag(0, strict=True), flag(-1), flag(a, strict=True))
    print(label(-a), label(a), label(-a, neg="minus"), label(a, pos="plus"), label(0, "n", "p"))
    print(nothing(a))
    print(power(a), power(a, 3), power(a, exp=b), power(a, mod=b), power(base=b, exp=a, mod=7))
    total = 0
    for i in range(-5, 6):
        total += affine(i, b=i) + clamp(i * 20, lo=-30, hi=30) + power(i, mod=4)
    print(total)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
