class Node(object):
    def __init__(self, v):
        self.v = v


def describe_str(s):
    # s may be None: the answer is only known at run time
    if isinstance(s, str):
        return "str:" + s
    return "not a str"


def maybe(flag):
    if flag:
        return "yes"
    return None


def entry_point(argv):
    i = 42
    b = True
    f = 1.5
    s = "text"
    by = b"raw"
    l = [1, 2]
    d = {"a": 1}
    t = (1, "x")
    st = {3, 4}
    n = Node(1)
    print(isinstance(i, int), isinstance(i, bool), isinstance(i, float))
    print(isinstance(b, int), isinstance(b, bool), isinstance(b, str))
    print(isinstance(f, float), isinstance(f, int), isinstance(f, (int, float)))
    print(isinstance(s, str), isinstance(s, bytes), isinstance(by, bytes))
    print(isinstance(l, list), isinstance(l, tuple), isinstance(d, dict))
    print(isinstance(t, tuple), isinstance(st, set), isinstance(st, list))
    print(isinstance(n, int), isinstance(n, Node), isinstance(None, int))
    print(describe_str(maybe(True)), describe_str(maybe(False)))
    assert isinstance(i, int)
    total = 0
    for x in [1, 2, 3]:
        if isinstance(x, int):
            total += x
    print(total)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
