# args: 4
"""Walking a linked chain one step too far reads an attribute on None: AttributeError ends the program with exit code 1 after the earlier output."""
import sys


class Link(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def build(n):
    head = None
    for i in range(n):
        head = Link(i * i, head)
    return head


def nth(head, k):
    cur = head
    for i in range(k):
        cur = cur.next
    return cur.value


def entry_point(argv):
    n = int(argv[1])
    head = build(n)
    for k in range(n):
        print("nth", k, nth(head, k))
    print("one past the end")
    print("value", nth(head, n))
    print("unreachable")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
