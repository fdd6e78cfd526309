"""Module-level code that runs at start-up."""

LIMIT = 10
A, B = 3, 4
if A < B:
    SMALLER = "a"
else:
    SMALLER = "b"
WORDS = []
n = 0
while n < LIMIT:
    if n % 3 == 0:
        WORDS.append("w")
    n += 1
try:
    FIRST = WORDS[100]
except IndexError:
    FIRST = "none"
print("module init", A, B, SMALLER, len(WORDS), FIRST)
SQUARES = [k * k for k in range(LIMIT) if k % 2 == 1]


def entry_point(argv):
    print(SQUARES[0], SQUARES[4], len(SQUARES), n)
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
