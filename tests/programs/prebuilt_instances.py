# Module-level instances: built at translation time (static data) when
# their __init__ only stores constants; at start-up otherwise.
LIMIT = 10


class Color(object):
    def __init__(self, name, r, g, b, alpha=1.0):
        "A color."
        self.name = name
        self.rgb = r * 65536 + g * 256 + b
        self.r = r
        self.alpha = alpha
        self.bright = False
        self.limit = LIMIT * 2


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


class Empty(object):
    pass


class Counter(object):
    def __init__(self, start):
        self.n = start
        self.items = []


RED = Color("red", 255, 0, 0)
GREEN = Color("green", 0, 255, 0, alpha=0.5)
TAIL = Node(3, None)
MID = Node(2, TAIL)
HEAD = Node(1, MID)
NOTHING = Empty()
COUNT = Counter(5)
SHARED = Node(0, None)
STARTUP = Node(len("abc"), HEAD)


def total(node):
    t = 0
    while node is not None:
        t += node.value
        node = node.next
    return t


def entry_point(argv):
    print(RED.name, RED.rgb, RED.r, RED.alpha, RED.bright, RED.limit)
    print(GREEN.name, GREEN.rgb, GREEN.alpha)
    print(total(HEAD), total(MID), total(STARTUP))
    print(HEAD.next is MID, MID.next is TAIL, TAIL.next is None)
    print(isinstance(NOTHING, Empty))
    COUNT.n += 1
    COUNT.items.append("x")
    print(COUNT.n, COUNT.items)
    # A prebuilt object given young objects, then many collections.
    for i in range(20000):
        SHARED.next = Node(i, None)
        RED.name = "red" + str(i % 7)
    print(SHARED.next.value, RED.name)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
