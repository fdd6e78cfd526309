def entry_point(argv):
    s = set()
    for i in range(40):
        s.add(i * 13 % 64)
    out = []
    while len(s) > 25:
        out.append(s.pop())
    s.add(1000)
    s.add(3)
    while s:
        out.append(s.pop())
        if len(out) % 7 == 0:
            s.add(len(out) * 5)
    print(out)
    t = {(1, 2), (3, 4)}
    print(t.pop(), t.pop(), len(t))
    try:
        t.pop()
    except KeyError as e:
        print("KeyError", e)
    return 0
if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
