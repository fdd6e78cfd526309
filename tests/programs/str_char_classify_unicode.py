def classify(lo, hi):
    counts = [0, 0, 0, 0, 0, 0, 0, 0]
    chk = 0
    first_diff = ""
    for cp in range(lo, hi):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        if c.isalpha():
            counts[0] += 1
        if c.isdigit():
            counts[1] += 1
        if c.isalnum():
            counts[2] += 1
        if c.isspace():
            counts[3] += 1
        if c.isupper():
            counts[4] += 1
        if c.islower():
            counts[5] += 1
        up = c.upper()
        lo2 = c.lower()
        if up != c:
            counts[6] += 1
            for u in up:
                chk = (chk * 131 + ord(u)) % 1000000007
        if lo2 != c:
            counts[7] += 1
            for u in lo2:
                chk = (chk * 137 + ord(u)) % 1000000007
    return counts, chk


def entry_point(argv):
    blocks = [(0, 0x80), (0x80, 0x100), (0x100, 0x250), (0x250, 0x370), (0x370, 0x530), (0x530, 0x800),
              (0x800, 0x1000), (0x1000, 0x2000), (0x2000, 0x2100), (0x2100, 0x3000), (0x3000, 0x4000),
              (0x4E00, 0x5000), (0xA000, 0xAC00), (0xFB00, 0x10000), (0x10000, 0x10500), (0x1D400, 0x1D800),
              (0x1E900, 0x1F000), (0x1F000, 0x1FB00)]
    for lo, hi in blocks:
        counts, chk = classify(lo, hi)
        print(hex(lo), hex(hi), counts, chk)
    samples = "ǅǈǋǲᾈᾼῌΐﬀﬃŉǰẞßİıſςΣ"
    for c in samples:
        print(repr(c), c.isupper(), c.islower(), c.isalpha(), repr(c.upper()), repr(c.lower()), len(c.upper()))
    print("ǅungla".upper(), "ΣΑΣ ΣΑΣ.".lower(), "ὈΔΥΣΣΕΎΣ".lower(), "İstanbul".lower(), len("İ".lower()))
    print("ABC def".upper(), "a1b2".upper(), "ÀÉÎ".lower())
    print("1²³¼٣۴߅".isdigit(), "٣".isalnum(), "²".isalnum(), "Ⅻ".isalpha(), "\x1c\x1d\x1e\x1f\x85".isspace())
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
