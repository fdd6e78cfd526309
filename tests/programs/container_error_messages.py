def lookup(d, k):
    try:
        print("found", d[k])
    except KeyError as e:
        print("KeyError", e)


def lookup_t(d, k):
    try:
        print("found", d[k])
    except KeyError as e:
        print("KeyError", e)


def lookup_f(d, k):
    try:
        print("found", d[k])
    except KeyError as e:
        print("KeyError", e)


def lookup_i(d, k):
    try:
        print("found", d[k])
    except KeyError as e:
        print("KeyError", e)


def entry_point(argv):
    ds = {"a": 1, "": 2}
    lookup(ds, "a")
    lookup(ds, "b")
    lookup(ds, "")
    lookup(ds, "it's")
    lookup(ds, 'q"q')
    lookup(ds, "é漢")
    lookup(ds, "new\nline")
    dt = {(1, "x"): 1}
    lookup_t(dt, (1, "x"))
    lookup_t(dt, (2, "y"))
    lookup_t(dt, (-1, ""))
    df = {0.5: 1}
    lookup_f(df, 1.5)
    lookup_f(df, -0.0)
    lookup_f(df, 1e100)
    di = {1: 1}
    lookup_i(di, -99)
    lookup_i(di, 9223372036854775807)
    xs = [1, 2, 3]
    for i in [3, -4, 100, -100]:
        try:
            print(xs[i])
        except IndexError as e:
            print("IndexError list", i, e)
        try:
            xs[i] = 0
        except IndexError as e:
            print("IndexError setitem", i, e)
    s = "abc"
    for i in [3, -4]:
        try:
            print(s[i])
        except IndexError as e:
            print("IndexError str", i, e)
    b = b"abc"
    try:
        print(b[3])
    except IndexError as e:
        print("IndexError bytes", e)
    e1 = []
    try:
        print(e1[0])
    except IndexError as e:
        print("IndexError empty", e)
    try:
        e1.pop()
    except IndexError as e:
        print("IndexError pop", e)
    try:
        print("abc".index("d"))
    except ValueError as e:
        print("ValueError", e)
    try:
        print("abc".rindex("d"))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(int("12x"))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(float("x1"))
    except ValueError as e:
        print("ValueError", e)
    try:
        xs.remove(42)
    except ValueError as e:
        print("ValueError", e)
    st = {1}
    try:
        st.remove(2)
    except KeyError as e:
        print("KeyError", e)
    sst = {"a"}
    try:
        sst.remove("b")
    except KeyError as e:
        print("KeyError", e)
    try:
        print(1 / 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(1 // 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(1.0 / 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(1.0 % 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print("x" * 3, [0] * 2, xs[1:100])
        print(ds["zzz"])
    except (IndexError, KeyError) as e:
        print("tuple-caught", e)
    print("before uncaught")
    print(dt[(7, "seven")])
    print("not reached")
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
