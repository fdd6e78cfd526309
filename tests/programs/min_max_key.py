import sys


class Item(object):
    def __init__(self, name, price):
        self.name = name
        self.price = price


def price_of(item):
    return item.price


def length(s):
    return len(s)


def neg(x):
    return -x


def entry_point(argv):
    words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
    print(min(words, key=length), max(words, key=length))
    print(min([3, 1, 2], key=neg), max([3, 1, 2], key=neg))
    items = [Item("a", 3.5), Item("b", 1.25), Item("c", 9.0), Item("d", 1.25)]
    cheapest = min(items, key=price_of)
    dearest = max(items, key=price_of)
    print(cheapest.name, dearest.name)
    d = {"x": 3, "yy": 1, "zzz": 2}
    print(max(d, key=length), min(d.keys(), key=length))
    try:
        print(min([], key=length))
    except ValueError as e:
        print("ValueError:", e)
    try:
        empty = []
        empty.append("q")
        empty.pop()
        print(max(empty, key=length))
    except ValueError as e:
        print("ValueError:", e)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
