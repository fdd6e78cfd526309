def show():
    print(len(TABLE))


def safe():
    try:
        return len(TABLE)
    except NameError as e:
        print("caught:", e)
        return -1


print(safe())
TABLE = [1, 2, 3]
show()


def entry_point(argv):
    show()
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
