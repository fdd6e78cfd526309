import sys


def entry_point(argv):
    for s in ["key=value", "no separator", "a=b=c", "=start", "end=", "", "héllo=wörld=✓"]:
        print(s.partition("="), s.rpartition("="))
    print("a::b::c".partition("::"), "a::b::c".rpartition("::"))
    k, _, v = "name: Ada".partition(": ")
    print(k, v)
    try:
        print("abc".partition(""))
    except ValueError as e:
        print("ValueError:", e)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
