"""CPython-side shim of `rpython.rlib.objectmodel`.

Under CPython a program is never translated, the specialisation and inlining
hints are plain identity decorators, and r_dict is a small dict-like class.
The translator recognises these names itself; this file only serves
untranslated runs.
"""


def we_are_translated():
    """False here; a translated program sees True."""
    return False


def _identity(func):
    return func


class _Specialize(object):
    """`specialize.argtype(0)`, `specialize.memo()`, ...: each returns a
    decorator that leaves the function as it is."""

    def argtype(self, *args):
        return _identity

    def arg(self, *args):
        return _identity

    def memo(self):
        return _identity

    def call_location(self):
        return _identity


specialize = _Specialize()


def always_inline(func):
    """Hint: inline every call. Marks the function and returns it."""
    func._always_inline_ = True
    return func


def dont_inline(func):
    """Hint: never inline. Marks the function and returns it."""
    func._dont_inline_ = True
    return func


def not_rpython(func):
    """Marks a helper that only runs under CPython (never translated)."""
    func._not_rpython_ = True
    return func


def compute_hash(x):
    """The hash of x (the same as hash(x) when untranslated)."""
    return hash(x)


class _Key(object):
    """A key wrapped so that a plain dict uses r_dict's functions."""

    __slots__ = ("key", "eq", "h")

    def __init__(self, key, eq, h):
        self.key = key
        self.eq = eq
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return self.eq(self.key, other.key)


_MISSING = object()


class r_dict(object):
    """A dict whose keys are compared with key_eq(a, b) and hashed with
    key_hash(a) instead of == and hash()."""

    def __init__(self, key_eq, key_hash):
        self.key_eq = key_eq
        self.key_hash = key_hash
        self._d = {}

    def _wrap(self, key):
        return _Key(key, self.key_eq, self.key_hash(key))

    def __getitem__(self, key):
        return self._d[self._wrap(key)][1]

    def __setitem__(self, key, value):
        w = self._wrap(key)
        old = self._d.get(w)
        if old is not None:
            # Keep the first key object, as a dict does.
            self._d[w] = (old[0], value)
        else:
            self._d[w] = (key, value)

    def __delitem__(self, key):
        del self._d[self._wrap(key)]

    def __contains__(self, key):
        return self._wrap(key) in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self.keys())

    def get(self, key, default=None):
        item = self._d.get(self._wrap(key))
        if item is None:
            return default
        return item[1]

    def keys(self):
        return [item[0] for item in self._d.values()]

    def values(self):
        return [item[1] for item in self._d.values()]

    def items(self):
        return list(self._d.values())

    def pop(self, key, default=_MISSING):
        w = self._wrap(key)
        if w in self._d:
            return self._d.pop(w)[1]
        if default is _MISSING:
            raise KeyError(key)
        return default

    def setdefault(self, key, default=None):
        w = self._wrap(key)
        item = self._d.get(w)
        if item is None:
            self._d[w] = (key, default)
            return default
        return item[1]

    def clear(self):
        self._d.clear()

    def copy(self):
        d = r_dict(self.key_eq, self.key_hash)
        d._d = self._d.copy()
        return d

    def __repr__(self):
        return "r_dict({%s})" % ", ".join(
            "%r: %r" % (k, v) for k, v in self._d.values())
