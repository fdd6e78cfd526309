def entry_point(argv):
    words = ["a", "bb", "ccc"]
    for i, w in enumerate(words):
        print(i, w)
    for i, w in enumerate(words, 10):
        print(i, w)
    for pair in enumerate("xy"):
        print(pair)
    nums = [1, 2, 3, 4]
    total = 0
    for a, b in zip(nums, words):
        total += a * len(b)
    print(total)
    for t in zip(words, nums, "pq"):
        print(t)
    squares = [i * x for i, x in enumerate(nums)]
    print(squares)
    d = {"k": 1, "m": 2}
    for i, k in enumerate(d):
        print(i, k, d[k])
    for x in []:
        print("never")
    else:
        print("empty else")
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
