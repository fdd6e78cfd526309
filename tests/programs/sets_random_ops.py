# Random sequences of set operations print in CPython's order: ints,
# tuples and strings' lengths, with adds, discards, copies and the
# binary operators interleaved (an LCG drives the choices).


class Lcg(object):
    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def step(rng, sets, spread):
    i = rng.next(len(sets))
    j = rng.next(len(sets))
    op = rng.next(12)
    s = sets[i]
    if op < 4:
        for k in range(rng.next(20)):
            s.add(rng.next(spread) - 7)
    elif op < 6:
        for k in range(rng.next(20)):
            s.discard(rng.next(spread) - 7)
    elif op == 6:
        sets[i] = sets[j] | s
    elif op == 7:
        sets[i] = s & sets[j]
    elif op == 8:
        sets[i] = s - sets[j]
    elif op == 9:
        s |= sets[j]
    elif op == 10:
        s -= sets[j]
    else:
        sets[j] = s.copy()


def tuple_step(rng, t):
    op = rng.next(3)
    if op < 2:
        t.add((rng.next(9) - 3, rng.next(5)))
    else:
        t.discard((rng.next(9) - 3, rng.next(5)))


def entry_point(argv):
    rng = Lcg(2024)
    for spread in [30, 300, 5000]:
        sets = [set(), set(), set(), set()]
        for n in range(400):
            step(rng, sets, spread)
            if n % 50 == 49:
                for s in sets:
                    print(len(s), s)
    t = set()
    for n in range(200):
        tuple_step(rng, t)
        if n % 40 == 39:
            print(len(t), t)
    strs = set()
    for n in range(100):
        strs.add("w" + str(rng.next(50)))
        strs.discard("w" + str(rng.next(50)))
    print(len(strs), sorted(list(strs)))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
