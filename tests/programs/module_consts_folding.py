# args:
"""Module-level constant expressions evaluated at translation time match CPython."""
import sys

A = 7 // -2
B = -7 % 3
C = 7.5 // -2
D = -7.5 % 2
E = 1 / 3
F = 1e308 * 10
G = True + 1
H = not 0
I = 1 < 2 < 3
J = 5 if 0 else 2.5
K = 0 or 3
L = "" or "x"
M = "ab" + "cd"
N = 3 > 2.5
O = -0.0
P = 0.0 * -1
Q = 2 ** 10
R = ~5
S = -True
T = +True
U = 9007199254740993 == 9007199254740992.0
V = 10 / 4
W = "a" < "b"
X = 1 and 0.0
Y = None
Z = not None
AA = -(-5)
AB = 3 % -0.0 if False else 1
AC = 1e16
AD = 0.1 + 0.2
AE = -7 >> 1
AF = 1 << 62
AG = -7 // 2.0
AH = 5 // True
AI = None or 0
AJ = "x" and 5
AK = "é" == "é"
def entry_point(argv):
    print(A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z)
    print(AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK)
    return 0

def target(*args):
    return entry_point, None

if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

