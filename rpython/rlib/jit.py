"""CPython-side shim of `rpython.rlib.jit`: the JIT hints, all no-ops.

Untranslated, there is no JIT: drivers do nothing, hint decorators return
the function unchanged and promote() returns its argument. The translator
recognises these names itself; this file only serves untranslated runs.
"""


class JitDriver(object):
    """Marks an interpreter's main loop: `greens` are the variables that
    identify a position in the interpreted program, `reds` the others."""

    def __init__(self, greens=None, reds=None, **kw):
        self.greens = list(greens or [])
        self.reds = reds
        self.options = kw

    def jit_merge_point(self, **livevars):
        pass

    def can_enter_jit(self, **livevars):
        pass


def elidable(func):
    """Hint: a pure function whose calls with constant arguments may be
    folded."""
    return func


def unroll_safe(func):
    """Hint: the loops in func may be unrolled when tracing."""
    return func


def dont_look_inside(func):
    """Hint: calls to func are not traced into."""
    return func


def look_inside(func):
    """Hint: calls to func are traced into."""
    return func


def promote(x):
    """Hint: treat x as a constant in the trace; returns x."""
    return x


def promote_string(x):
    """Hint: treat the string x as a constant in the trace; returns x."""
    return x


def we_are_jitted():
    """False here (and in translated code outside a JIT trace)."""
    return False


def hint(x, **kw):
    """A generic JIT hint; returns x."""
    return x
