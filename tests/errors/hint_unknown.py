# expect-error: line 4: `Callable` is not a type hint the translator understands
from typing import Callable

def apply(f: Callable, x):
    return f(x)

def entry_point(argv):
    print(apply(len, "abc"))
    return 0
