class Stack:
    def __init__(self):
        self.items = [1, 2, 3, 4, 5, 6]

    def drop(self):
        self.items.pop()


def plain_sum(lst):
    s = 0
    for i in range(len(lst)):
        s += lst[i]
    return s


def while_scale(lst, k):
    n = len(lst)
    i = 0
    while i < n:
        lst[i] = lst[i] * k
        i += 1
    return lst


def reversed_test(lst):
    # len(lst) > i written the other way round.
    out = []
    i = 0
    while len(lst) > i:
        out.append(lst[i])
        i = i + 1
    return out


def other_list(a, b):
    # The test is on a; b may be shorter: IndexError must still happen.
    s = 0
    for i in range(len(a)):
        s += b[i]
    return s


def negative_start(lst):
    s = []
    for i in range(-2, len(lst)):
        s.append(lst[i])
    return s


def unknown_start(lst, i):
    s = []
    while i < len(lst):
        s.append(lst[i])
        i += 1
    return s


def pops_inside(lst):
    n = len(lst)
    s = 0
    for i in range(n):
        if i == 2:
            lst.pop()
            lst.pop()
            lst.pop()
        s += lst[i]
    return s


def callee_shrinks(st):
    s = 0
    items = st.items
    for i in range(len(items)):
        if i == 3:
            st.drop()
            st.drop()
            st.drop()
        s += items[i]
    return s


def rebinds(lst, other):
    s = 0
    for i in range(len(lst)):
        s += lst[i]
        lst = other
    return s


def stepping(lst):
    s = 0
    for i in range(0, len(lst), 2):
        s += lst[i]
    return s


def modulo(lst, k):
    return lst[k % len(lst)]


def display(a, b):
    lst = [a, b, a + b]
    lst[2] = lst[0] * lst[1]
    return lst


def nested(grid):
    s = 0
    for r in range(len(grid)):
        row = grid[r]
        for c in range(len(row)):
            s += row[c] * (r + 1)
    return s


def counting_down(lst):
    i = len(lst) - 1
    s = []
    while i >= 0:
        s.append(lst[i])
        i -= 1
    return s


def entry_point(argv):
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    print(plain_sum(data))
    print(while_scale([1, 2, 3], 3))
    print(reversed_test(data))
    try:
        print(other_list(data, [1, 2, 3]))
    except IndexError as e:
        print("IndexError:", e)
    print(negative_start(data))
    try:
        print(unknown_start(data, -20))
    except IndexError as e:
        print("IndexError:", e)
    print(unknown_start(data, -3))
    try:
        print(pops_inside([1, 2, 3, 4, 5]))
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(callee_shrinks(Stack()))
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(rebinds([1, 2, 3, 4], [5]))
    except IndexError as e:
        print("IndexError:", e)
    print(stepping(data))
    print(modulo(data, 13), modulo(data, -3))
    print(display(len(argv), 4))
    print(nested([[1, 2], [3], [4, 5, 6]]))
    print(counting_down(data))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
