# A key function given to sort a list that never holds an item is never
# called, so the annotator never sees it; the rtyper looked up its result
# type and panicked (found by the front-end fuzzer).


def entry_point(argv):
    print(sorted([], key=lambda i: -i))
    empty = []
    empty.sort(key=lambda i: i % 3, reverse=True)
    print(empty, len(sorted([], key=lambda i: i)))
    print(sorted(set([]), key=lambda i: i))
    if len(argv) > 5:
        print(max([], key=lambda i: i % 3))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
