class A:
    def __init__(self):
        self.x = 0

def entry_point(argv):
    a = A()
    n = len(argv) - 1
    try:
        a.x = 1 // n
    except ZeroDivisionError:
        a.x = 2
    print(a.x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
