# args: 400000 30000
"""A sliding window of the most recent records (a queue of wide objects, each also pointing at its predecessor and at one of a few long-lived shared objects) makes every collection promote many objects that die later in the old generation, so both minor and major collections run; the window and the shared objects are checked at the end."""
import sys


class Shared(object):
    def __init__(self, ident):
        self.ident = ident
        self.hits = 0
        self.newest = None


class Record(object):
    def __init__(self, seq, shared, prev):
        self.seq = seq
        self.shared = shared
        self.prev = prev
        self.next = None
        self.a = seq * 3
        self.b = seq % 7
        self.c = seq & 255
        self.d = seq // 5
        self.f = 0.5 * seq
        self.flag = seq % 2 == 0
        self.label = "even" if self.flag else "odd"


class Window(object):
    def __init__(self, capacity):
        self.capacity = capacity
        self.oldest = None
        self.newest = None
        self.size = 0
        self.dropped = 0
        self.dropped_sum = 0

    def push(self, rec):
        if self.newest is None:
            self.oldest = rec
        else:
            self.newest.next = rec
        self.newest = rec
        self.size += 1
        if self.size > self.capacity:
            old = self.oldest
            self.oldest = old.next
            self.oldest.prev = None
            self.size -= 1
            self.dropped += 1
            self.dropped_sum = (self.dropped_sum + old.a + old.b + old.c + old.d) % 1000000007


def entry_point(argv):
    count = int(argv[1])
    capacity = int(argv[2])
    s0 = Shared(0)
    s1 = Shared(1)
    s2 = Shared(2)
    w = Window(capacity)
    for i in range(count):
        k = i % 3
        sh = s0
        if k == 1:
            sh = s1
        elif k == 2:
            sh = s2
        rec = Record(i, sh, w.newest)
        sh.hits += 1
        sh.newest = rec
        w.push(rec)
    print("window", w.size, "dropped", w.dropped, w.dropped_sum)

    # walk the window forwards and backwards
    n = 0
    total = 0
    fsum = 0.0
    evens = 0
    cur = w.oldest
    expected = count - capacity
    ok = True
    while cur is not None:
        if cur.seq != expected:
            ok = False
        expected += 1
        n += 1
        total = (total + cur.a + cur.b + cur.c + cur.d) % 1000000007
        fsum += cur.f
        if cur.flag and cur.label == "even":
            evens += 1
        if cur.shared.ident != cur.seq % 3:
            ok = False
        cur = cur.next
    print("forward", n, total, fsum, evens, ok)
    back = 0
    cur = w.newest
    while cur is not None:
        back += 1
        cur = cur.prev
    print("backward", back)
    print("shared", s0.hits, s1.hits, s2.hits, s0.newest.seq, s1.newest.seq, s2.newest.seq)
    print("newest", w.newest.seq, w.newest.label, w.newest.shared is s0, w.oldest.seq)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
