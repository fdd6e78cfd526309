# == and != of nested lists (and in, index, count, remove, dict values) item by item.
class P(object):
    def __init__(self, x):
        self.x = x


def entry_point(argv):
    a = [[1, 2], [3]]
    b = [[1, 2], [3]]
    c = [[1, 2], [4]]
    print(a == b, a != b, a == c, a != c)
    print([1, 2] in a, [2, 1] in a, a.index([3]), a.count([1, 2]))
    a.remove([1, 2])
    print(a)
    words = [["x", "y"], [], ["z"]]
    print(["z"] in words, words == [["x", "y"], [], ["z"]], words == [["x"], [], ["z"]])
    floats = [[[0.5, -0.0]], [[1.5]]]
    print(floats == [[[0.5, 0.0]], [[1.5]]], floats == [[[0.5]], [[1.5]]])
    p = P(1)
    objs = [[p], [P(2)]]
    print(objs == [[p], objs[1]], objs == [[p], [P(2)]], [p] in objs)
    d = {"a": [1, 2], "b": [3]}
    print(d == {"a": [1, 2], "b": [3]}, d == {"a": [1, 2], "b": [4]})
    none_items = [[None], [None, None]]
    print(none_items == [[None], [None, None]])
    empty = [[]]
    empty[0].append(5)
    print(empty == [[5]])
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
