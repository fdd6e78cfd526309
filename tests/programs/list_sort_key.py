class Rec:
    def __init__(self, name, score):
        self.name = name
        self.score = score


def by_score(r):
    return r.score


def neg_then_name(item):
    return (-item[1], item[0])


def key_len(s):
    return len(s)


def entry_point(argv):
    nums = [5, 3, 9, 1, 3, 7]
    nums.sort()
    print(nums[0], nums[1], nums[5])
    nums.sort(reverse=True)
    print(nums[0], nums[5])
    words = ["pear", "fig", "apple", "kiwi", "banana", "date"]
    s = sorted(words)
    print(s[0], s[5], words[0])
    s2 = sorted(words, key=key_len)
    print(s2[0], s2[1], s2[2], s2[3], s2[4], s2[5])
    s3 = sorted(words, key=key_len, reverse=True)
    print(s3[0], s3[1], s3[2], s3[3], s3[4], s3[5])
    recs = [Rec("a", 3.5), Rec("b", 1.25), Rec("c", 2.0), Rec("d", 1.25)]
    recs.sort(key=by_score)
    for r in recs:
        print(r.name, r.score)
    pairs = []
    for w in words:
        pairs.append((w, len(w)))
    pairs.sort(key=neg_then_name)
    for p in pairs:
        print(p[0], p[1])
    big = []
    x = 12345
    for i in range(20000):
        x = (x * 1103515245 + 12345) % 2147483648
        big.append(("k%d" % (x % 97), x % 1000))
    big.sort(key=neg_then_name)
    print(big[0][0], big[0][1], big[19999][0], big[19999][1])
    fl = [2.5, -1.0, 3.25, 0.0]
    fl.sort()
    print(fl[0], fl[3])
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
