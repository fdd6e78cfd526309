class Item(object):
    def __init__(self, name, qty):
        self.name = name
        self.qty = qty


def entry_point(argv):
    n = 6
    grid = [[r * n + c for c in range(n)] for r in range(n)]
    print(grid[2], grid[-1][-1], len(grid))
    flat = [x for row in grid for x in row if x % 4 == 0]
    print(flat)
    pairs = [(i, j) for i in range(4) for j in range(i) if (i + j) % 2 == 1]
    print(pairs)
    diag = [grid[i][i] for i in range(n)]
    anti = [grid[i][n - 1 - i] for i in range(n) if i != 2]
    print(diag, anti)
    transposed = [[grid[r][c] for r in range(n)] for c in range(n)]
    print(transposed[1])
    tri = [[j for j in range(i)] for i in range(5)]
    print(tri)
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    lens = [len(w) for w in words if "a" in w]
    print(lens)
    caps = [w.upper() for w in words if len(w) > 4 if w[0] != "g"]
    print(caps)
    chars = [c for w in words for c in w if c in "aeiou"]
    print("".join(chars))
    cond = [x if x % 2 == 0 else -x for x in range(10)]
    print(cond)
    items = [Item("nut", 3), Item("bolt", 0), Item("gear", 7)]
    instock = [it.name for it in items if it.qty > 0]
    total = sum([it.qty for it in items])
    print(instock, total)
    strs = [str(i) * i for i in range(1, 5)]
    print(strs)
    floats = [i / 4 for i in range(-4, 5, 2)]
    print(floats)
    bools = [x > 2 for x in [1, 5, 2, 3]]
    print(bools, any(bools), all(bools))
    mat = [[1, 2], [3, 4]]
    prod = [[sum([mat[i][k] * mat[k][j] for k in range(2)]) for j in range(2)] for i in range(2)]
    print(prod)
    s = "Hello, World"
    print([ord(c) for c in s if c.isalpha() and c.isupper()])
    three = [a + b + c for a in "xy" for b in "12" for c in "!?"]
    print(three, len(three))
    empty = [x for x in range(10) if x > 100]
    print(empty, len(empty))
    k = 3
    scaled = [x * k for x in range(5)]
    print(scaled)
    nested_sum = sum([sum(row) for row in grid])
    print(nested_sum)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
