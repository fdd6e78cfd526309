# next(g, default) with a default computed at run time: it is evaluated
# before the generator resumes, and held across the resume.


def gen(n):
    for i in range(n):
        yield i * 2


def label(i):
    print("default", i)
    return -i


def entry_point(argv):
    d = len(argv) - 100
    g = gen(3)
    print(next(g, d), next(g, d), next(g, d), next(g, d), next(g, -5))
    h = gen(2)
    total = 0
    for i in range(4):
        total += next(h, label(i))
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
