import time
from time import perf_counter


def busy(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def entry_point(argv):
    t0 = time.time()
    p0 = perf_counter()
    m0 = time.monotonic()
    print(busy(100000))
    t1 = time.time()
    p1 = time.perf_counter()
    m1 = time.monotonic()
    print(isinstance(t0, float), isinstance(p0, float), isinstance(m0, float))
    # seconds since 1970: after 2020 and before 2200
    print(t0 > 1577836800.0, t0 < 7258118400.0)
    print(t1 >= t0, p1 >= p0, m1 >= m0, p1 - p0 < 60.0)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
