from rpython.rlib.rarithmetic import r_uint, intmask
from rpython.rlib.objectmodel import compute_hash


class Hasher(object):
    def __init__(self):
        self.h = r_uint(2166136261)

    def feed(self, s):
        for c in s:
            self.h = (self.h ^ r_uint(ord(c))) * r_uint(16777619)
            self.h &= r_uint(0xffffffff)
        return self


def rotl32(x, n):
    return ((x << n) | (x >> (32 - n))) & r_uint(0xffffffff)


def divmod_u(a, b):
    return a // b, a % b


def checks(m):
    try:
        print("//", r_uint(7) // r_uint(0))
    except ZeroDivisionError as e:
        print("//", "ZeroDivisionError", e)
    try:
        print("%", r_uint(7) % r_uint(0))
    except ZeroDivisionError as e:
        print("%", "ZeroDivisionError", e)
    for n in [-1, 3, 64]:
        try:
            print("<<", n, r_uint(7) << n, m >> n)
        except ValueError as e:
            print("<<", n, "ValueError", e)


def entry_point(argv):
    m = r_uint(-1)
    print(m, r_uint(0), r_uint(5) - 7, -r_uint(1), ~r_uint(0))
    print(m // 3, m % 10, m >> 60, m >> 63, r_uint(1) << 63, r_uint(1) << 64)
    print(m > 5, r_uint(5) < m, r_uint(5) == 5, m == -1, m > -2, 3 < r_uint(4))
    print(r_uint(3) + 4, 4 + r_uint(3), r_uint(3) * True, 10 - r_uint(3))
    print(intmask(m), intmask(r_uint(1) << 63), intmask(r_uint(12)))
    print(float(m), float(r_uint(7)) / 2)
    print(str(m), repr(r_uint(42)), "%s!" % str(r_uint(9)))
    h = Hasher().feed("hello").feed(", world")
    print(h.h, intmask(h.h))
    x = r_uint(0x12345678)
    print(rotl32(x, 8), rotl32(x, 31))
    q, r = divmod_u(m, r_uint(1000000007))
    print(q, r)
    total = r_uint(0)
    for i in range(100):
        total = total * r_uint(6364136223846793005) + r_uint(1442695040888963407)
    print(total, total >> 33)
    if r_uint(0):
        print("zero is true?")
    if not r_uint(0) and r_uint(3):
        print("truth ok")
    n = r_uint(10)
    n += 5
    n -= r_uint(20)
    n <<= 1
    print(n)
    checks(m)
    print(compute_hash(12345), compute_hash(-1), compute_hash(2.5), compute_hash(True))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
