# args: 3 1000000006 1000000007
"""Fast modular exponentiation (iterative and recursive), Fermat tests and modular inverses; products stay below 2**63."""
import sys


def powmod(b, e, m):
    result = 1
    b = b % m
    while e > 0:
        if e & 1:
            result = result * b % m
        b = b * b % m
        e >>= 1
    return result


def powmod_rec(b, e, m):
    if e == 0:
        return 1 % m
    h = powmod_rec(b, e // 2, m)
    h = h * h % m
    if e % 2 == 1:
        h = h * (b % m) % m
    return h


def mulmod(a, b, m):
    r = 0
    a = a % m
    while b > 0:
        if b & 1:
            r = (r + a) % m
        a = (a + a) % m
        b >>= 1
    return r


def powmod_big(b, e, m):
    result = 1
    b = b % m
    while e > 0:
        if e & 1:
            result = mulmod(result, b, m)
        b = mulmod(b, b, m)
        e >>= 1
    return result


def fermat_probable(n):
    if n < 4:
        return n == 2 or n == 3
    for a in range(2, 8):
        if n < 3037000499:
            if a % n != 0 and powmod(a, n - 1, n) != 1:
                return False
        elif powmod_big(a, n - 1, n) != 1:
            return False
    return True


def entry_point(argv):
    b = int(argv[1])
    e = int(argv[2])
    m = int(argv[3])
    print(powmod(b, e, m), powmod_rec(b, e, m), powmod(b, m - 2, m))
    inv = powmod(b, m - 2, m)
    print(inv, inv * b % m)
    print(powmod(2, 62, 3037000493), powmod(-b, 3, 1000), powmod(b, 0, 1), powmod(b, 0, 7))
    print(powmod(7, 123456789, 1000000009), powmod_rec(7, 123456789, 1000000009), powmod(10, 18, 2147483647))
    print(powmod_big(b, e, 4611686018427387847), powmod_big(2, 1000, 4611686018427387903))
    print(mulmod(4611686018427387000, 4611686018427387001, 4611686018427387847))
    c = 0
    for n in range(2, 3000):
        if fermat_probable(n):
            c += 1
    print(c, fermat_probable(561), fermat_probable(m), fermat_probable(3215031751))
    s = 0
    for i in range(1, 200):
        s = (s + powmod(i, i, m)) % m
    print(s)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
