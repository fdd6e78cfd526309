def mean(xs):
    return sum(xs) / len(xs)


def variance(xs):
    m = mean(xs)
    return sum([(x - m) * (x - m) for x in xs]) / len(xs)


def entry_point(argv):
    fl = [0.1 * i for i in range(10)]
    print(fl)
    print(sum(fl), mean(fl), variance(fl), min(fl), max(fl))
    fl.append(float("inf"))
    fl.insert(0, -0.0)
    fl.append(float("-inf"))
    print(fl[0], fl[-1], fl[-2], fl.index(0.0), fl.count(0.0), max(fl), min(fl))
    fl.sort()
    print(fl[:3], fl[-3:])
    nanl = [1.0, float("nan"), 2.0]
    print(nanl, nanl[1] == nanl[1], nanl.count(2.0), len(nanl))
    sq = [x ** 0.5 for x in [0.0, 1.0, 2.0, 9.0, 1e10]]
    print(sq, [round(x, 3) for x in sq], ["%.3e" % x for x in sq])
    bl = [i % 3 == 0 for i in range(10)]
    print(bl, bl.count(True), sum(bl), any(bl), all(bl), True in bl, bl.index(False))
    bl.reverse()
    bl[0] = not bl[0]
    print(bl, sorted(bl), [not b for b in bl][:4])
    ss = ["", "a", "bb", "", "ccc"]
    print(ss, len(ss), ss.count(""), ss.index("bb"), "".join(ss), [s * 2 for s in ss if s])
    ss.remove("")
    ss.extend(["x", "y"])
    print(ss, ss[::-1], sorted(ss), ss[1:3])
    print([str(x) for x in [1.5, 2.0, 1e20, 1e-7, -0.0]], [repr(s) for s in ["a'b", "é"]])
    mat = [[0.0] * 3 for _ in range(3)]
    for i in range(3):
        mat[i][i] = 1.0
        mat[i][2 - i] += 0.5
    print(mat)
    alias = [[0] * 2] * 3
    alias[0][0] = 5
    print(alias)
    ints = [3, 1, 2]
    fls = [float(x) for x in ints]
    strs = [str(x) for x in fls]
    back = [int(float(s)) for s in strs]
    print(fls, strs, back, [int(s.split(".")[0]) * 2 for s in strs])
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
