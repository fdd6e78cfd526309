def balanced(s):
    stack = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for c in s:
        if c in "([{":
            stack.append(c)
        elif c in ")]}":
            if len(stack) == 0 or stack.pop() != pairs[c]:
                return False
    return len(stack) == 0


def rpn(tokens):
    st = []
    for t in tokens:
        if t in ("+", "-", "*", "/"):
            b = st.pop()
            a = st.pop()
            if t == "+":
                st.append(a + b)
            elif t == "-":
                st.append(a - b)
            elif t == "*":
                st.append(a * b)
            else:
                st.append(a // b)
        else:
            st.append(int(t))
    return st[-1]


def bfs_order(adj, start):
    queue = [start]
    seen = [start]
    order = []
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nb in adj[node]:
            if nb not in seen:
                seen.append(nb)
                queue.append(nb)
    return order


def josephus(n, k):
    people = list(range(1, n + 1))
    out = []
    i = 0
    while people:
        i = (i + k - 1) % len(people)
        out.append(people.pop(i))
    return out


def rotate(xs, k):
    for _ in range(k):
        xs.insert(0, xs.pop())
    return xs


def merge(a, b):
    res = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            res.append(a[i])
            i += 1
        else:
            res.append(b[j])
            j += 1
    res.extend(a[i:])
    res.extend(b[j:])
    return res


def merge_sort(xs):
    if len(xs) <= 1:
        return xs[:]
    mid = len(xs) // 2
    return merge(merge_sort(xs[:mid]), merge_sort(xs[mid:]))


def entry_point(argv):
    for s in ["()[]{}", "([)]", "((", "", "{[()()]}", "}"]:
        print(repr(s), balanced(s))
    print(rpn("3 4 + 2 *".split()), rpn("5 1 2 + 4 * + 3 -".split()), rpn("7 -2 /".split()))
    adj = {0: [1, 2], 1: [3], 2: [3, 4], 3: [5], 4: [5], 5: []}
    print(bfs_order(adj, 0), bfs_order(adj, 2))
    print(josephus(7, 3), josephus(10, 2)[-1])
    print(rotate([1, 2, 3, 4, 5], 2), rotate([9], 3))
    data = [(i * 7919) % 211 - 100 for i in range(300)]
    ms = merge_sort(data)
    print(ms[:10], ms[-5:], len(ms))
    st = []
    for i in range(10000):
        st.append(i)
    while len(st) > 3:
        st.pop()
    print(st)
    q = list(range(5))
    while len(q) > 1:
        a = q.pop(0)
        b = q.pop(0)
        q.append(a + b)
    print(q)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
