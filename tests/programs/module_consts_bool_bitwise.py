# args:
"""Module-level constants with bool bitwise operators stay bools (True & False is False)."""
import sys

A = True & False
B = True | False
C = True ^ True
D = False | False
def entry_point(argv):
    print(A, B, C, D)
    return 0

def target(*args):
    return entry_point, None

if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

