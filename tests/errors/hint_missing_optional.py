# expect-error: line 7: parameter `node` is annotated `Node` but is None here
class Node(object):
    def __init__(self, value):
        self.value = value
        self.next = None

def value_of(node: Node) -> int:
    return node.value

def entry_point(argv):
    n = Node(1)
    print(value_of(n.next))
    return 0
