# Lists shortened from the front (pop(0), pop(i), del l[i]) keep an
# offset to their first item; every other list operation must see the
# same items as CPython does.


class Node(object):
    def __init__(self, name):
        self.name = name


def drain(q):
    out = []
    while q:
        out.append(q.pop(0))
    return out


def queue_round_trip(n):
    # The queue pattern: the length stays about the same while the
    # front moves through the array many times.
    q = list(range(n))
    total = 0
    for i in range(20 * n):
        x = q.pop(0)
        total += x * (i % 7)
        q.append(x + i)
    return total, len(q), q[0], q[-1], sum(q)


def every_operation_after_pops():
    q = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0]
    q.pop(0)
    q.pop(0)
    print(q, len(q), q[0], q[-1], q[2:5], q[::-2])
    print(3 in q, 9 in q, q.index(7), q.count(8))
    q[1] = 42
    q[-1] = -1
    print(q)
    q.insert(0, 100)
    q.insert(3, 200)
    q.insert(-1, 300)
    print(q)
    q.pop(2)
    del q[0]
    del q[-2]
    print(q, q.pop(), q.pop(-1))
    q.extend([11, 12])
    q.remove(7)
    print(q)
    q.reverse()
    print(q)
    q.sort()
    print(q, sorted(q, reverse=True), min(q), max(q), sum(q))
    r = q + [99]
    print(r, q * 2, q == [1, 2, 4, 7, 11, 12, 200], q != r)
    q[1:3] = [20, 30, 40]
    print(q)
    del q[::2]
    print(q, list(reversed(q)), [x * 2 for x in q])
    for i, x in enumerate(q):
        print(i, x, end="; ")
    print()
    q.clear()
    print(q, len(q))
    q.append(1)
    q.pop(0)
    q.append(2)
    print(q)


def strings_and_objects():
    words = "the quick brown fox jumps over the lazy dog".split()
    first = words.pop(0)
    second = words.pop(0)
    print(first, second, " ".join(words), words, sorted(words))
    print(set(words) == {"fox", "jumps", "over", "the", "lazy", "dog", "brown"})
    nodes = [Node("n%d" % i) for i in range(6)]
    nodes.pop(0)
    del nodes[0]
    print([n.name for n in nodes], nodes.pop(1).name)
    flags = [True, False, True, True]
    flags.pop(0)
    print(flags, flags.count(True), flags.pop(0))
    fs = [0.5, 1.5, 2.5]
    fs.pop(0)
    print(fs, sum(fs))


def last(row):
    return row[-1]


def nested_lists():
    # The inner lists are popped from the front: the outer list's repr,
    # equality and sort look inside them.
    rows = [[3, 1, 2], [6, 5, 4], [9, 8, 7]]
    for row in rows:
        row.pop(0)
    print(rows, rows[0] == [1, 2], rows[1] != [5, 4])
    rows.sort(key=last, reverse=True)
    print(rows, [sum(r) for r in rows], [r[0] for r in rows])
    rows.pop(0)
    print(rows, str(rows), repr(rows[0]))
    d = {}
    for row in rows:
        d[row[0]] = row
    print(d)


def pop_at_variable_index(n):
    # pop(i) with i near the front, the middle and the end.
    q = list(range(n))
    out = []
    i = 0
    while q:
        j = (i * 7) % len(q)
        out.append(q.pop(j))
        i += 1
    return out


def grow_while_popping():
    q = [0]
    seen = 0
    while q and seen < 2000:
        x = q.pop(0)
        seen += 1
        if x < 1000:
            q.append(2 * x + 1)
            q.append(2 * x + 2)
    return seen, len(q), q[:5], q[-3:]


def errors():
    q = [1, 2]
    q.pop(0)
    q.pop(0)
    try:
        q.pop(0)
    except IndexError as e:
        print("IndexError:", e)
    try:
        del q[0]
    except IndexError as e:
        print("IndexError:", e)
    q.append(5)
    try:
        print(q[1])
    except IndexError as e:
        print("IndexError:", e)
    print(q[-1], q[0])


def entry_point(argv):
    print(drain([4, 5, 6]), drain([]))
    print(queue_round_trip(10), queue_round_trip(1000))
    every_operation_after_pops()
    strings_and_objects()
    nested_lists()
    print(pop_at_variable_index(10), sum(pop_at_variable_index(500)))
    print(grow_while_popping())
    errors()
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
