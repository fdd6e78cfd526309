# args: 300000 500
"""Object graphs with cycles (pairs pointing at each other, a doubly linked ring, self-loops) survive many collections while cyclic garbage is built and dropped in a loop; the surviving graph is walked and checked at the end."""
import sys


class Peer(object):
    def __init__(self, ident):
        self.ident = ident
        self.other = None
        self.me = None


class RingNode(object):
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


class Ring(object):
    def __init__(self):
        self.head = None
        self.size = 0

    def add(self, value):
        node = RingNode(value)
        if self.head is None:
            node.prev = node
            node.next = node
            self.head = node
        else:
            tail = self.head.prev
            tail.next = node
            node.prev = tail
            node.next = self.head
            self.head.prev = node
        self.size += 1
        return node

    def rotate(self, steps):
        for i in range(steps):
            self.head = self.head.next

    def drop_head(self):
        h = self.head
        if h.next is h:
            self.head = None
        else:
            h.prev.next = h.next
            h.next.prev = h.prev
            self.head = h.next
        # the dropped node still points into the ring: garbage with cycles
        self.size -= 1
        return h.value

    def checksum(self):
        if self.head is None:
            return 0
        s = 0
        n = 0
        cur = self.head
        while True:
            s = (s * 31 + cur.value) % 1000000007
            n += 1
            if cur.next.prev is not cur:
                return -1
            cur = cur.next
            if cur is self.head:
                break
        return s * 1000 + n % 1000


def make_pair(i):
    a = Peer(i)
    b = Peer(-i)
    a.other = b
    b.other = a
    a.me = a
    b.me = b
    return a


def entry_point(argv):
    churn = int(argv[1])
    ring_size = int(argv[2])
    first = make_pair(1)
    keep = first.other
    ring = Ring()
    for i in range(ring_size):
        ring.add(i * 7 % 1000)
    print("ring", ring.size, ring.checksum())

    total = 0
    kept_pairs = 0
    for i in range(churn):
        p = make_pair(i + 1)
        total += p.other.ident + p.me.ident
        if i % 5000 == 0:
            # the long-lived pair now points at young objects
            keep.other = p
            keep = p.other
            kept_pairs += 1
        if i % 1000 == 0:
            ring.rotate(i % 13)
            v = ring.drop_head()
            ring.add(v + i)
    print("total", total, "kept", kept_pairs)
    print("keep", keep.ident, keep.other.ident, keep.other.other is keep, keep.me is keep, first.me is first)
    print("ring", ring.size, ring.checksum())

    # walk forward from the first pair: each kept pair's negative side
    # points to the next kept pair; the last one still points back
    count = 0
    id_sum = 0
    cur = first
    while count < 1000:
        neg = cur.other
        if neg.ident != -cur.ident or cur.me is not cur or neg.me is not neg:
            print("broken pair", cur.ident)
        nxt = neg.other
        count += 1
        id_sum += cur.ident
        if nxt is cur:
            break
        cur = nxt
    print("walked", count, id_sum, cur.other is keep)

    while ring.size > 1:
        ring.drop_head()
    print("ring", ring.size, ring.checksum(), ring.head.next is ring.head, ring.head.prev is ring.head)
    ring.drop_head()
    print("ring empty", ring.head is None, ring.checksum())
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
