# key=len and other one-argument builtins as keys of sort, sorted, min and max.
def entry_point(argv):
    words = ["pear", "fig", "banana", "kiwi", "apple"]
    print(sorted(words, key=len))
    print(sorted(words, key=len, reverse=True))
    words.sort(key=len)
    print(words)
    nums = [3, -7, 2, -1, 5]
    print(sorted(nums, key=abs), max(nums, key=abs), min(nums, key=abs))
    print(sorted(["10", "9", "100"], key=int))
    print(sorted([3, 20, 100], key=str))
    print(max(["a", "ccc", "bb"], key=len), min(["a", "ccc", "bb"], key=len))
    print(sorted(list("hello"), key=ord))
    return 0

def target(*args):
    return entry_point, None

if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
