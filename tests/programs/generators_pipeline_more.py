def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def only_odd(src):
    for x in src:
        if x % 2 == 1:
            yield x


def odd_numbers(src):
    for x in src:
        if x % 2 == 1:
            yield x


def take(src, k):
    out = []
    for x in src:
        if len(out) >= k:
            break
        out.append(x)
    return out


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def chars(s):
    for c in s:
        yield c
        if c == "!":
            return


def tokens(text):
    cur = ""
    for c in text:
        if c == " ":
            if cur != "":
                yield cur
            cur = ""
        else:
            cur += c
    if cur != "":
        yield cur


def pairs(xs):
    for i in range(len(xs)):
        for j in range(i + 1, len(xs)):
            yield (xs[i], xs[j])


def failing(n):
    for i in range(n):
        if i == 2:
            raise ValueError("gen failed at %d" % i)
        yield i


def floats(n):
    for i in range(n):
        yield i / 2.0


def entry_point(argv):
    print(list(squares(numbers(6))))
    print(list(only_odd(squares(numbers(10)))))
    print(take(fib(), 15), take(fib(), 6)[1::2])
    print(sum(squares(numbers(100))), max(odd_numbers(numbers(50))), min(squares(numbers(5))))
    print(sorted(odd_numbers(numbers(12)), key=lambda v: -v))
    print(list(chars("ab!cd")), "".join(chars("hey!")), list(tokens("  the  quick brown   fox ")))
    print(list(pairs([1, 2, 3, 4])))
    print(set(squares(numbers(4))) == {0, 1, 4, 9}, list(floats(5)), sum(floats(4)))
    g = fib()
    vals = []
    for _ in range(10):
        vals.append(next(g))
    print(vals)
    h = numbers(2)
    print(next(h), next(h), next(h, 99))
    try:
        next(h)
    except StopIteration:
        print("exhausted")
    out = []
    try:
        for v in failing(5):
            out.append(v)
    except ValueError as e:
        print("ValueError", e, out)
    f = failing(5)
    print(next(f), next(f))
    try:
        next(f)
    except ValueError as e:
        print("ValueError", e)
    print(next(f, -1))
    for i, sq in enumerate(squares(numbers(4))):
        print(i, sq)
    for a, b in zip(numbers(3), tokens("x y z w")):
        print(a, b)
    print([x + 1 for x in squares(numbers(5)) if x > 3])
    print(any(x > 50 for x in squares(numbers(10))), all(x < 50 for x in squares(numbers(10))))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
