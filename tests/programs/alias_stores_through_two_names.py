# Stores through one reference must be seen through every other: the
# alias-analysis tags on generated loads and stores may only separate
# locations that can never be the same memory.


class Base(object):
    def __init__(self, x):
        self.x = x
        self.items = [x]


class Derived(Base):
    def __init__(self, x, y):
        Base.__init__(self, x)
        self.y = y


def bump_base(b, n):
    # A field of the base class, written through a Base-typed name and
    # read through the Derived-typed one in the caller.
    for i in range(n):
        b.x += i
    return b.x


def fields_through_base_and_subclass(n):
    d = Derived(1, 2)
    b = d
    total = 0
    for i in range(n):
        b.x = i
        total += d.x * 10 + d.y
        d.y = b.x + 1
    return total, bump_base(d, n), d.x


def list_length_through_alias(n):
    a = [0]
    b = a
    total = 0
    for i in range(n):
        b.append(i)
        total += len(a)
        a[0] = len(b)
        total += b[0]
    return total, len(a), a[0], b[-1]


def items_of_two_lists_that_may_be_one(p, q, n):
    for i in range(n):
        p[i % len(p)] = q[(i + 1) % len(q)] + 1
    return p, q


def swap_pass(perm):
    i = 0
    j = len(perm) - 1
    while i < j:
        t = perm[i]
        perm[i] = perm[j]
        perm[j] = t
        i += 1
        j -= 1
    return perm


def lists_in_fields(n):
    d = Derived(3, 4)
    lst = d.items
    for i in range(n):
        lst.append(i)
        d.items[0] += len(d.items)
    return d.items[:4], len(lst)


class Counter(object):
    def __init__(self):
        self.value = 0


COUNTER = Counter()


def touch_prebuilt(k):
    COUNTER.value += k
    return COUNTER.value


def prebuilt_across_calls(n):
    seen = 0
    for i in range(n):
        COUNTER.value = i
        seen += touch_prebuilt(1) + COUNTER.value
    return seen


def floats_and_ints(n):
    fs = [0.5] * 4
    xs = [1] * 4
    for i in range(n):
        fs[i % 4] += xs[(i + 1) % 4]
        xs[i % 4] += 1
    return fs, xs


def entry_point(argv):
    print(fields_through_base_and_subclass(50))
    print(list_length_through_alias(40))
    same = [1, 2, 3, 4, 5]
    print(items_of_two_lists_that_may_be_one(same, same, 12))
    print(items_of_two_lists_that_may_be_one([0, 0, 0], [5, 6], 7))
    print(swap_pass(list(range(9))), swap_pass([]), swap_pass([7]))
    print(lists_in_fields(6))
    print(prebuilt_across_calls(10), COUNTER.value)
    print(floats_and_ints(11))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
