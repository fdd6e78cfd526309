# A comprehension's loop variables are its own (Python 3): a name of the
# function with the same spelling keeps its value and may have another type.


def shadow(x):
    # x is a str here; inside, x is an int.
    squares = [x * x for x in range(4)]
    return x + str(squares)


def own_iterable(x):
    # The first iterable reads the function's x; the loop's x is an int.
    return [x + 1 for x in x]


def nested(rows):
    row = "outer"
    flat = [v for row in rows for v in row if v % 2 == 0]
    inner = [[row * 2 for row in row] for row in rows]
    return row, flat, inner


def kinds(words):
    w = 3.5
    lengths = {w: len(w) for w in words}
    firsts = {w[0] for w in words}
    some = any(len(w) > 4 for w in words)
    every = all(w != "" for w in words)
    total = sum(len(w) for w in words)
    return w, lengths, sorted(firsts), some, every, total


def entry_point(argv):
    print(shadow("name"))
    print(own_iterable([10, 20]))
    print(nested([[1, 2, 3], [4, 5, 6]]))
    print(kinds(["alpha", "be", "gamma"]))
    i = "keep"
    pairs = [(i, j) for i in range(3) for j in range(i)]
    print(i, pairs)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
