# args: 6
"""isinstance narrows a base-typed variable inside the guarded branch: attributes and methods that only a subclass has are used after `if isinstance(x, C):` (RPython's usual idiom)."""
import sys


class Token(object):
    def __init__(self, pos):
        self.pos = pos

    def width(self):
        return 1


class Number(Token):
    def __init__(self, pos, value):
        Token.__init__(self, pos)
        self.value = value

    def doubled(self):
        return self.value * 2


class Word(Token):
    def __init__(self, pos, text, length):
        Token.__init__(self, pos)
        self.text = text
        self.length = length

    def width(self):
        return self.length


class Space(Token):
    pass


def make(i):
    k = i % 3
    if k == 0:
        return Number(i, i * 11)
    if k == 1:
        return Word(i, "w", i + 2)
    return Space(i)


def entry_point(argv):
    n = int(argv[1])
    numbers = 0
    letters = 0
    spaces = 0
    for i in range(n):
        t = make(i)
        if isinstance(t, Number):
            numbers += t.value + t.doubled()
            print(t.pos, "number", t.value)
        elif isinstance(t, Word):
            letters += t.length
            print(t.pos, "word", t.text, t.width())
        else:
            spaces += t.width()
            print(t.pos, "space")
    print("numbers", numbers, "letters", letters, "spaces", spaces)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
