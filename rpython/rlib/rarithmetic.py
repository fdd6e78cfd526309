"""CPython-side shim of `rpython.rlib.rarithmetic`: machine-word arithmetic.

Under CPython ints are unbounded, so the helpers here reduce results to the
64-bit words a translated program computes with. The translator recognises
these names itself; this file only serves untranslated runs.
"""

LONG_BIT = 64

_MASK = (1 << LONG_BIT) - 1
_SIGN = 1 << (LONG_BIT - 1)
_MIN = -_SIGN
_MAX = _SIGN - 1


def intmask(n):
    """The signed 64-bit two's-complement value of the low 64 bits of n."""
    n = int(n) & _MASK
    if n & _SIGN:
        n -= 1 << LONG_BIT
    return n


def r_int64(n):
    """Same as intmask: a plain int wrapped to signed 64 bits."""
    return intmask(n)


def ovfcheck(n):
    """Return n unchanged if it fits a signed 64-bit word, else raise
    OverflowError (what a translated program does on overflow)."""
    if n < _MIN or n > _MAX:
        raise OverflowError("integer overflow")
    return n


def _word(x):
    """The low 64 bits of an int operand as a non-negative int."""
    if isinstance(x, int):
        return int(x) & _MASK
    return NotImplemented


class r_uint(int):
    """An unsigned 64-bit machine word.

    Construction keeps the low 64 bits; arithmetic and bitwise operations
    with int or r_uint operands give r_uint results modulo 2**64, and `>>`
    is a logical shift. str() and repr() print the plain number.
    """

    __slots__ = ()

    def __new__(cls, value=0):
        return int.__new__(cls, int(value) & _MASK)

    # -- arithmetic ------------------------------------------------------
    def __add__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) + o)

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) - o)

    def __rsub__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(o - int(self))

    def __mul__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) * o)

    def __rmul__(self, other):
        return self.__mul__(other)

    def __floordiv__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) // o)

    def __rfloordiv__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(o // int(self))

    def __mod__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) % o)

    def __rmod__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(o % int(self))

    # -- bitwise ---------------------------------------------------------
    def __and__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) & o)

    def __rand__(self, other):
        return self.__and__(other)

    def __or__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) | o)

    def __ror__(self, other):
        return self.__or__(other)

    def __xor__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(int(self) ^ o)

    def __rxor__(self, other):
        return self.__xor__(other)

    def __lshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return r_uint(int(self) << int(other))

    def __rlshift__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(o << int(self))

    def __rshift__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return r_uint(int(self) >> int(other))

    def __rrshift__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return r_uint(o >> int(self))

    def __invert__(self):
        return r_uint(~int(self))

    def __neg__(self):
        return r_uint(-int(self))

    def __pos__(self):
        return self

    # -- comparisons: of the non-negative values, the other operand taken
    # as a 64-bit word too (as a translated program compares them).
    def __eq__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return int(self) == o

    def __ne__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return int(self) != o

    def __lt__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return int(self) < o

    def __le__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return int(self) <= o

    def __gt__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return int(self) > o

    def __ge__(self, other):
        o = _word(other)
        if o is NotImplemented:
            return o
        return int(self) >= o

    def __hash__(self):
        return int.__hash__(self)

    # -- printing --------------------------------------------------------
    def __repr__(self):
        return int.__repr__(self)

    __str__ = __repr__
