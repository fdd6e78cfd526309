"""CPython-side shim of the `rpython` package.

Only `rpython.rlib` is provided: a handful of small pure-Python modules with
the names RPython programs import, so that a target runs unchanged under
CPython 3 (with the repository root on PYTHONPATH). The translator does not
execute these files; it recognises the names itself.
"""
