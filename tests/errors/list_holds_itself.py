# expect-error: line 8: puts a list, dict or set inside itself
# A list whose items are lists of its own type has an infinite type; the
# translator used to overflow its stack describing it (found while fixing
# what the front-end fuzzer found).

def entry_point(argv):
    nest = []
    nest.append(nest)
    print(nest)
    return 0
