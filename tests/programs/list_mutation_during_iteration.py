def entry_point(argv):
    xs = [1, 2, 3]
    for x in xs:
        if x < 3:
            xs.append(x + 10)
    print(xs)
    ys = [1, 2, 3, 4, 5, 6]
    for y in ys:
        if y % 2 == 0:
            ys.remove(y)
    print(ys)
    zs = [1, 2, 3]
    out = []
    for i, z in enumerate(zs):
        out.append(z)
        if i == 0:
            zs.pop()
    print(out, zs)
    ws = [5, 6]
    for a, b in zip(ws, ws):
        if len(ws) < 4:
            ws.append(a + b)
    print(ws)
    rs = [3, 1, 2]
    for r in reversed(rs):
        if r == 2:
            rs.insert(0, 9)
    print(rs)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
