# `!s` with a format spec: str() first, then the spec formats the text
# (`{5!s:05}` is 50000, `{5:05}` is 00005).


class Tag(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<" + self.name + ">"


def entry_point(argv):
    n = len(argv) + 4
    x = 2.5
    word = "ab"
    t = Tag("b")
    print(f"{n!s:05}|{n:05}|{x!s:^9}|{x:^9}|{word!s:>4}|{t!s:>6}|{t!r:*<6}|")
    print("{!s:<4}|{:<4}|{!s:0>3}|".format(n, n, n))
    print(f"{True!s:>6}|{None!s:>6}|{[1, 2]!s:>8}|")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
