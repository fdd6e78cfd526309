# min, max and sorted of a str: over its characters (code points).


def entry_point(argv):
    s = "hello world"
    print(max(s), min(s), repr(min(s)))
    print(sorted(s))
    print(sorted("zebra", reverse=True))
    print(sorted("b\u00e9a\u4e2d"), max("b\u00e9a\u4e2d"), min("\u00e9\u00e8"))
    print("".join(sorted("translator")))
    print(sorted(""), sorted("x"))
    try:
        print(max(""))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(min(s[len(s):]))
    except ValueError as e:
        print("ValueError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
