import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(items):
    for x in items:
        if x % 2 == 0:
            yield x * 10


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def words(text):
    for w in text.split():
        yield w.upper()
    yield "END"


def entry_point(argv):
    for v in count_up(4):
        print(v)
    total = 0
    for v in evens([1, 2, 3, 4, 6]):
        total += v
    print(total)
    for i, f in enumerate(fib()):
        if i >= 10:
            break
        print(f, end=" ")
    print()
    for w in words("hello big world"):
        print(w)
    for a, b in zip(count_up(3), words("x y z w")):
        print(a, b)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
