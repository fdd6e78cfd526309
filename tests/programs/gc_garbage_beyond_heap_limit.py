# env: RPY_GC_MAX=4M
"""Allocates far more short-lived garbage than the heap limit while a
large structure stays alive across the collections; the limit only
counts live data, so the program finishes and the structure is intact."""


class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next


def churn(rounds):
    total = 0
    for i in range(rounds):
        tmp = [Node(i + k, None) for k in range(50)]
        s = "x" * 100 + str(i)
        total += len(tmp) + len(s)
    return total


def entry_point(argv):
    live = None
    for i in range(50000):
        live = Node(i, live)
    keep = {}
    for i in range(2000):
        keep["k%d" % i] = [i, i * 2]
    print(churn(8000))
    n = 0
    total = 0
    node = live
    while node is not None:
        n += 1
        total += node.value
        node = node.next
    print(n, total, keep["k1999"][1], len(keep))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
