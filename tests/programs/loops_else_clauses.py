# args: 10 3
"""for/else and while/else with and without break, incl. empty loops and else after continue."""
import sys


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    return True


def search_for(n, x):
    for i in range(n):
        if i == x:
            print("for found", x)
            break
    else:
        print("for not found", x)
        return -1
    return i


def search_while(n, x):
    i = 0
    while i < n:
        if i == x:
            print("while found", x)
            break
        i += 1
    else:
        print("while not found", x)
        return -1
    return i


def entry_point(argv):
    n = int(argv[1])
    x = int(argv[2])
    print(search_for(n, x), search_for(n, n + x), search_for(0, 0))
    print(search_while(n, x), search_while(n, -x), search_while(0, 0))
    for i in range(n, 0):
        print("never")
    else:
        print("empty for else")
    while n < 0:
        print("never")
    else:
        print("false while else")
    for i in range(n):
        if i % 2 == 0:
            continue
    else:
        print("else after continue", i)
    k = 0
    while k < n:
        k += 1
        if k < 100:
            continue
        break
    else:
        print("while else after continue", k)
    primes = 0
    for p in range(2, 60):
        for d in range(2, p):
            if p % d == 0:
                break
        else:
            primes += 1
    print("primes", primes)
    for a in range(3):
        for b in range(3):
            if a == b == 1:
                break
        else:
            print("inner completed", a)
            continue
        print("inner broke", a)
    count = 0
    for i in range(20):
        if is_prime(i):
            count += 1
    print("count", count)
    w = n
    while w > 0:
        w -= x
        if w == 0:
            print("hit zero")
            break
    else:
        print("overshot", w)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
