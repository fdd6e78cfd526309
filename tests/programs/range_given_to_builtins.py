# range given whole to sum, min, max, sorted, set, any, all and list.extend.
def entry_point(argv):
    n = len(argv) + 9
    print(sum(range(n)), sum(range(3, n, 2)), sum(range(0)))
    print(max(range(5)), min(range(3, 9)), max(range(n), key=lambda i: (i * 7) % 10))
    print(sorted(set(range(4))), sorted(range(3), reverse=True))
    items = [100]
    items.extend(range(3))
    print(items, any(range(1)), all(range(1, 4)))
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
