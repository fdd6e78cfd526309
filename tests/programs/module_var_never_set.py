def show():
    print(len(TABLE))


show()
TABLE = [1, 2, 3]


def entry_point(argv):
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
