# args: 1000000 2500
"""A long-lived binary search tree survives a million short-lived allocations (many nursery collections): nodes are inserted and payloads replaced during the churn (old objects pointing to young ones), and the whole tree is checked by an in-order walk at the end."""
import sys


class Payload(object):
    def __init__(self, value, tag):
        self.value = value
        self.tag = tag


class TreeNode(object):
    def __init__(self, key, payload):
        self.key = key
        self.payload = payload
        self.left = None
        self.right = None


class Temp(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Tree(object):
    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key, payload):
        """Inserts key; an existing key gets the new payload. True if new."""
        if self.root is None:
            self.root = TreeNode(key, payload)
            self.count += 1
            return True
        cur = self.root
        while True:
            if key == cur.key:
                cur.payload = payload
                return False
            if key < cur.key:
                if cur.left is None:
                    cur.left = TreeNode(key, payload)
                    self.count += 1
                    return True
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = TreeNode(key, payload)
                    self.count += 1
                    return True
                cur = cur.right

    def find(self, key):
        cur = self.root
        while cur is not None:
            if key == cur.key:
                return cur
            if key < cur.key:
                cur = cur.left
            else:
                cur = cur.right
        return None


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


class Checker(object):
    def __init__(self):
        self.count = 0
        self.key_sum = 0
        self.value_sum = 0
        self.tag_mix = 0
        self.prev = -1
        self.ordered = True

    def visit(self, node):
        if node is None:
            return
        self.visit(node.left)
        if node.key <= self.prev:
            self.ordered = False
        self.prev = node.key
        self.count += 1
        self.key_sum += node.key
        self.value_sum += node.payload.value
        self.tag_mix = (self.tag_mix * 31 + node.payload.tag) % 1000000007
        self.visit(node.right)


def next_rand(x):
    return (x * 1103515245 + 12345) % 2147483648


def entry_point(argv):
    churn = int(argv[1])
    initial = int(argv[2])
    tree = Tree()
    x = 42
    for i in range(initial):
        x = next_rand(x)
        key = x % 100000
        tree.insert(key, Payload(key * 2, i))
    print("initial count", tree.count, "height", height(tree.root))

    acc = 0
    inserted = 0
    replaced = 0
    last = Temp(0, 0)
    for i in range(churn):
        t = Temp(i, acc)
        acc = (acc + t.a * 3 + t.b) & 65535
        if i % 1024 == 0:
            # an old tree node now points to a young payload
            x = next_rand(x)
            key = x % 100000
            node = tree.find(key)
            if node is not None:
                node.payload = Payload(key * 2, i)
                replaced += 1
            elif tree.insert(key, Payload(key * 2, i)):
                inserted += 1
        if i % 99991 == 0:
            last = t
    print("acc", acc, "inserted", inserted, "replaced", replaced)
    print("last temp", last.a, last.b)

    c = Checker()
    c.visit(tree.root)
    print("count", c.count, tree.count, "ordered", c.ordered)
    print("key sum", c.key_sum, "value sum", c.value_sum, c.value_sum == 2 * c.key_sum)
    print("tag mix", c.tag_mix)
    print("height", height(tree.root))
    probe = tree.find(x % 100000)
    print("probe found", probe is not None)
    if probe is not None:
        print("probe", probe.key, probe.payload.value)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
