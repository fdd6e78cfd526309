# args: 40 13
"""A sorted singly linked list: insertion in order, removal, search, in-place reversal, merging two lists, and a list object tracking its size through several references."""
import sys


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


class SortedList(object):
    def __init__(self, name):
        self.name = name
        self.head = None
        self.size = 0

    def insert(self, value):
        self.size += 1
        if self.head is None or value <= self.head.value:
            self.head = Node(value, self.head)
            return
        cur = self.head
        while cur.next is not None and cur.next.value < value:
            cur = cur.next
        cur.next = Node(value, cur.next)

    def remove(self, value):
        """Removes the first node holding value; True if there was one."""
        prev = None
        cur = self.head
        while cur is not None:
            if cur.value == value:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            if cur.value > value:
                return False
            prev = cur
            cur = cur.next
        return False

    def contains(self, value):
        cur = self.head
        while cur is not None:
            if cur.value == value:
                return True
            cur = cur.next
        return False

    def total(self):
        s = 0
        cur = self.head
        while cur is not None:
            s += cur.value
            cur = cur.next
        return s

    def count(self):
        n = 0
        cur = self.head
        while cur is not None:
            n += 1
            cur = cur.next
        return n

    def is_sorted(self):
        cur = self.head
        while cur is not None and cur.next is not None:
            if cur.value > cur.next.value:
                return False
            cur = cur.next
        return True

    def nth(self, i, default=-1):
        cur = self.head
        while cur is not None and i > 0:
            cur = cur.next
            i -= 1
        if cur is None:
            return default
        return cur.value

    def show(self, limit=8):
        print("list", self.name, "size", self.size)
        cur = self.head
        i = 0
        while cur is not None and i < limit:
            print("  ", i, cur.value)
            cur = cur.next
            i += 1
        if cur is not None:
            print("   ...")


def reverse(head):
    prev = None
    while head is not None:
        nxt = head.next
        head.next = prev
        prev = head
        head = nxt
    return prev


def merge(a, b):
    """Merges two sorted node chains into one (reusing the nodes)."""
    dummy = Node(0, None)
    tail = dummy
    while a is not None and b is not None:
        if a.value <= b.value:
            tail.next = a
            a = a.next
        else:
            tail.next = b
            b = b.next
        tail = tail.next
    if a is not None:
        tail.next = a
    else:
        tail.next = b
    return dummy.next


def fill(lst, n, seed, mod):
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        lst.insert(x % mod)
    return x


def entry_point(argv):
    n = int(argv[1])
    seed = int(argv[2])
    a = SortedList("a")
    fill(a, n, seed, 100)
    a.show()
    print("sorted", a.is_sorted(), "count", a.count(), "total", a.total())
    alias = a
    removed = 0
    for v in range(0, 100, 3):
        while alias.remove(v):
            removed += 1
    print("removed", removed, "size", a.size, "count", a.count(), a.size == alias.size)
    print("contains 3", a.contains(3), "contains 4", a.contains(4))
    print("nth 0", a.nth(0), "nth 5", a.nth(5), "nth 1000", a.nth(1000), a.nth(1000, default=-7))
    b = SortedList("b")
    fill(b, n // 2, seed + 1, 50)
    b.show(limit=4)
    merged = SortedList("merged")
    merged.head = merge(a.head, b.head)
    merged.size = a.size + b.size
    a.head = None
    b.head = None
    merged.show(5)
    print("merged sorted", merged.is_sorted(), merged.count(), merged.total())
    merged.head = reverse(merged.head)
    print("reversed sorted", merged.is_sorted(), "first", merged.nth(0), "last", merged.nth(merged.size - 1))
    merged.head = reverse(merged.head)
    print("back", merged.is_sorted(), merged.nth(0))
    empty = SortedList("empty")
    print("empty", empty.count(), empty.total(), empty.is_sorted(), empty.nth(0), empty.remove(1))
    empty.head = reverse(empty.head)
    print("empty reversed", empty.head is None)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
