def checksum(d):
    s = 0
    i = 1
    for k in d:
        s = (s * 31 + k * i + d[k]) % 1000000007
        i += 1
    return s


def entry_point(argv):
    d = {}
    for i in range(10):
        d[i * 3] = i
    del d[0]
    del d[9]
    d[0] = 100
    d[9] = 900
    d[3] = 33
    print(d)
    print(list(d.keys()))
    for k in [12, 15, 18]:
        del d[k]
    d[15] = -15
    print(d, len(d))
    big = {}
    for i in range(50000):
        big[i * 7] = i
    print(len(big), checksum(big))
    for i in range(0, 50000, 2):
        del big[i * 7]
    print(len(big), checksum(big), (14 in big), (7 in big))
    for i in range(0, 50000, 3):
        big[i * 7] = -i
    print(len(big), checksum(big))
    keys = list(big.keys())
    print(keys[:8], keys[-5:])
    for k in keys:
        if k % 5 != 0:
            del big[k]
    print(len(big), list(big.items())[:6])
    big.clear()
    for i in range(20):
        big[i] = i
    print(big)
    sd = {}
    for i in range(2000):
        sd["k" + str(i)] = i
    for i in range(0, 2000, 3):
        sd.pop("k" + str(i))
    cnt = 0
    last = ""
    for sk, v in sd.items():
        cnt += v
        last = sk
    print(len(sd), cnt, last, sd["k1999"], "k999" in sd, sd.get("k3", -1))
    churn = {}
    for r in range(30):
        for i in range(100):
            churn[r * 1000 + i] = i
        for i in range(100):
            if i % 10 != r % 10:
                del churn[r * 1000 + i]
    print(len(churn), list(churn.keys())[:12])
    upd = {"a": 1, "b": 2}
    upd.update({"c": 3, "a": 10})
    upd.update(upd.copy())
    print(upd)
    order = {}
    for w in "one two three two one four five four".split():
        if w in order:
            del order[w]
        order[w] = len(order)
    print(order)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
