# expect-error: line 17: str() of a Node instance or None is not supported yet
class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

    def __str__(self):
        return "node"


def entry_point(argv):
    n = Node(1, None)
    m = None
    if len(argv) > 1:
        m = n
    print(str(n))
    print(str(m))
    return 0
