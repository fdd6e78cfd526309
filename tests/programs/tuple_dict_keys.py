import sys


def neighbours(cell):
    x, y = cell
    return [(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx != 0 or dy != 0]


def life_step(alive):
    counts = {}
    for cell in alive:
        for n in neighbours(cell):
            counts[n] = counts.get(n, 0) + 1
    new = set()
    for cell, c in counts.items():
        if c == 3 or (c == 2 and cell in alive):
            new.add(cell)
    return new


def entry_point(argv):
    grid = {(0, 0): "origin", (1, 2): "a", (-3, 4): "b"}
    print(grid[(1, 2)], (0, 0) in grid, (5, 5) in grid, len(grid))
    grid[(1, 2)] = "changed"
    del grid[(0, 0)]
    print(grid)
    named = {("alice", 30): 1.5, ("bob", 25): 2.5}
    named[("carol", 41)] = 3.5
    for (name, age), score in named.items():
        print(name, age, score)
    print(named.get(("bob", 25), 0.0), named.get(("bob", 26), -1.0))
    floats = {(0.0, "x"): 1}
    print(floats[(-0.0, "x")])
    nested = {((1, 2), "p"): 10}
    nested[((1, 2), "q")] = 20
    print(nested[((1, 2), "q")], nested)
    glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
    for i in range(8):
        glider = life_step(glider)
    print(sorted([c for c in glider]))
    big = {}
    for i in range(5000):
        big[(i, str(i))] = i * 2
    total = 0
    for i in range(0, 5000, 7):
        total += big[(i, str(i))]
    print(len(big), total)
    try:
        print(grid[(9, 9)])
    except KeyError as e:
        print("KeyError", e)
    try:
        print(named[("dave", 1)])
    except KeyError as e:
        print("KeyError", e)
    s1 = {(1, "a"), (2, "b")}
    s2 = {(2, "b"), (3, "c")}
    print(sorted([x for x in s1 | s2]), sorted([x for x in s1 & s2]), sorted([x for x in s1 - s2]))
    print({(1, 2): 3} == {(1, 2): 3}, {(1, 2): 3} == {(1, 3): 3})
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
