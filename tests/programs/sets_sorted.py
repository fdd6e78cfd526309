class Node(object):
    def __init__(self, name):
        self.name = name


def entry_point(argv):
    s = {5, 3, 99, -1, 64}
    print(sorted(s), sorted(s, reverse=True), s)
    words = set("the cat and the hat sat".split())
    print(sorted(words), sorted(words, key=lambda w: w[::-1]))
    t = {(2, "b"), (1, "z"), (2, "a")}
    print(sorted(t))
    f = set()
    for i in range(6):
        f.add(i * 0.5)
    print(sorted(f, key=lambda x: -x))
    nodes = set()
    for n in ["q", "a", "m"]:
        nodes.add(Node(n))
    print([x.name for x in sorted(nodes, key=lambda x: x.name)])
    print(sorted(set()) == [], len(sorted({True, False})))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
