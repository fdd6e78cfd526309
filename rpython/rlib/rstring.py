"""CPython-side shim of `rpython.rlib.rstring`: StringBuilder.

The pieces are collected in a list and joined once by build(), so building
a string piece by piece is linear. This file is restricted Python: the
translator builds it in and translates it like the program's own modules,
so keep it inside the subset.
"""


class StringBuilder(object):
    """Accumulates a str; init_size is a capacity hint and is ignored."""

    def __init__(self, init_size=-1):
        self._pieces = []
        self._length = 0

    def append(self, s):
        self._pieces.append(s)
        self._length += len(s)

    def append_slice(self, s, start, end):
        piece = s[start:end]
        self._pieces.append(piece)
        self._length += len(piece)

    def append_multiple_char(self, c, times):
        if times > 0:
            piece = c * times
            self._pieces.append(piece)
            self._length += len(piece)

    def getlength(self):
        return self._length

    def build(self):
        s = "".join(self._pieces)
        # Keep the joined string as the only piece, so a later build() or
        # append() does not re-join everything.
        self._pieces = [s]
        return s
