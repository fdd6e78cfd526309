"""CPython-side shim of `rpython.rlib`.

The modules here (rarithmetic, objectmodel, jit, rstring) give untranslated
behaviour of the RPython library names a target may import. The translator
recognises these names itself and does not run this code.
"""
