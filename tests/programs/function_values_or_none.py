# Function values that may be None: callbacks, optional handlers, tests
# with `is None`, and calling None (TypeError, as CPython).


def shout(s):
    return s.upper()


def whisper(s):
    return s.lower()


class Button(object):
    def __init__(self, label, on_click=None):
        self.label = label
        self.on_click = on_click

    def click(self):
        if self.on_click is None:
            return self.label + ": nothing"
        return self.on_click(self.label)


def apply(f, s):
    if f is not None:
        return f(s)
    return s


def pick(n):
    if n == 0:
        return None
    if n == 1:
        return shout
    return whisper


HANDLERS = {"up": shout, "down": whisper, "none": None}


def entry_point(argv):
    buttons = [Button("Ok", shout), Button("Cancel"), Button("Help", whisper)]
    for b in buttons:
        print(b.click())
    print(apply(None, "same"), apply(shout, "loud"), apply(pick(2), "QUIET"))
    for n in range(3):
        f = pick(n)
        print(n, f is None, f is shout, f == whisper)
    for key in ["up", "down", "none"]:
        h = HANDLERS[key]
        print(key, h is None)
    cb = pick(len(argv) - 1)
    try:
        print(cb("x"))
    except TypeError as e:
        print("TypeError:", e)
    only = None
    if len(argv) > 7:
        only = shout
    try:
        print(only("y"))
    except TypeError as e:
        print("TypeError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
