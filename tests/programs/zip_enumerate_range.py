# range(...) given to zip and enumerate in for loops and comprehensions.


def side(tag, n):
    print("eval", tag)
    return n


def entry_point(argv):
    words = ["a", "b", "c", "d"]
    for i, x in enumerate(range(3)):
        print(i, x)
    for i, x in enumerate(range(10, 0, -3), 1):
        print(i, x)
    for a, b in zip(range(3), words):
        print(a, b)
    for w, k in zip(words, range(100, 90, -2)):
        print(w, k)
    for a, k, w in zip(range(5), range(2, 20, 4), words):
        print(a, k, w)
    print([i * j for i, j in zip(range(4), range(4, 8))])
    print([(k, v) for k, v in enumerate(range(len(argv) - 1, 5))])
    for a, k in zip(range(side("first", 3)), range(side("second", 2))):
        print(a, k)
    n = 0
    for a, w in zip(range(True, 4), words):
        n += a
    print(n)
    for i in range(2):
        for a, w in zip(range(0), words):
            print("never", a, w)
    else_ran = False
    for a, w in zip(range(2), words):
        if w == "z":
            break
    else:
        else_ran = True
    print(else_ran)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
