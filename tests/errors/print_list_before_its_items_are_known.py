# expect-error: line 14: printing a list[Item] is not supported yet
# The list is printed while it is still empty, and only later given
# instances: the check of the print must see the final item type. It
# used to pass, and the rtyper stopped on an internal error (found by the
# front-end fuzzer).


class Item(object):
    def __init__(self, v):
        self.v = v

def entry_point(argv):
    items = []
    print(items)
    items.append(Item(len(argv)))
    return 0
