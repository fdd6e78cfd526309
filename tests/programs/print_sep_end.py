def entry_point(argv):
    print(1, 2, 3, sep=", ")
    print("a", "b", sep="")
    print("no newline", end="")
    print(" -- continued", end="!\n")
    sep = "|"
    print([1, 2], (3,), 4.5, sep=sep, end=" END\n")
    print(sep=sep)
    print("x", sep=None, end=None)
    for i in range(3):
        print(i, end=" ")
    print()
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
