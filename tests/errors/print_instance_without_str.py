# expect-error: line 9: printing a Token instance is not supported yet
class Token(object):
    def __init__(self, text):
        self.text = text


def entry_point(argv):
    t = Token("x")
    print(t)
    return 0
