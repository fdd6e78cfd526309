import sys


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def joined(words):
    prev = None
    out = []
    for w in words:
        if prev is not None:
            out.append(prev + "-" + w)
        prev = w
    return out


def first_long(words):
    found = None
    for w in words:
        if len(w) > 3:
            found = w
            break
    if found is None:
        return "none"
    return found.upper()


def length(node):
    n = 0
    while node is not None:
        n += 1
        node = node.next
    return n


def both(a, b):
    if a is not None and b is not None:
        return a + b
    if a is None or b is None:
        return "missing"
    return "unreachable"


def entry_point(argv):
    print(joined(["a", "b", "c"]))
    print(first_long(["ab", "abcd"]), first_long(["x"]))
    print(length(Node(1, Node(2, Node(3, None)))), length(None))
    print(both("x", "y"), both(None, "y"), both("x", None))
    print(list(range(5)), list("abc"), list(), list([3, 1, 2]))
    d = {"k": 1, "j": 2}
    print(list(d), list(d.values()), list(d.items()))
    print(list(x * 2 for x in range(3)), list(reversed([1, 2, 3])))
    print(list(enumerate("ab")), list(zip([1, 2], "xy")))
    copy = list(argv)
    print(len(copy) == len(argv))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
