# args: 40 3
"""A traffic-light controller as a state machine: state objects (singletons made once and shared) return the next state from a virtual method, a controller holds the current state and counters; str and bool attributes, identity tests between states, and states passed to and returned from functions."""
import sys


class Controller(object):
    def __init__(self, name, patience):
        self.name = name
        self.patience = patience
        self.waiting = 0
        self.emergency = False
        self.changes = 0
        self.ticks = 0
        self.state = None
        self.previous = None


class State(object):
    LABEL = "?"
    GO = False

    def __init__(self, duration):
        self.duration = duration
        self.entered = 0
        self.red = None
        self.green = None
        self.yellow = None
        self.flashing = None

    def link(self, red, green, yellow, flashing):
        self.red = red
        self.green = green
        self.yellow = yellow
        self.flashing = flashing

    def next_state(self, c, time_in_state):
        return self

    def on_enter(self, c):
        self.entered += 1


class Red(State):
    LABEL = "red"

    def next_state(self, c, time_in_state):
        if c.emergency:
            return self.flashing
        if time_in_state >= self.duration or (c.waiting > c.patience and time_in_state >= 2):
            return self.green
        return self


class Green(State):
    LABEL = "green"
    GO = True

    def on_enter(self, c):
        State.on_enter(self, c)
        c.waiting = 0

    def next_state(self, c, time_in_state):
        if c.emergency:
            return self.flashing
        if time_in_state >= self.duration:
            return self.yellow
        return self


class Yellow(State):
    LABEL = "yellow"
    GO = True

    def next_state(self, c, time_in_state):
        if time_in_state >= self.duration:
            return self.red
        return self


class Flashing(State):
    LABEL = "flashing"

    def next_state(self, c, time_in_state):
        if not c.emergency:
            return self.red
        return self


def make_states(scale):
    red = Red(4 * scale)
    green = Green(3 * scale)
    yellow = Yellow(1)
    flashing = Flashing(0)
    red.link(red, green, yellow, flashing)
    green.link(red, green, yellow, flashing)
    yellow.link(red, green, yellow, flashing)
    flashing.link(red, green, yellow, flashing)
    return red


def transition(c, new_state):
    c.previous = c.state
    c.state = new_state
    c.changes += 1
    new_state.on_enter(c)
    return c.previous


def simulate(c, start, ticks, seed):
    c.state = start
    start.on_enter(c)
    time_in_state = 0
    x = seed
    go_ticks = 0
    for t in range(ticks):
        x = (x * 75 + 74) % 65537
        if x % 3 == 0:
            c.waiting += 1
        c.emergency = 20 <= t < 24
        nxt = c.state.next_state(c, time_in_state)
        if nxt is not c.state:
            old = transition(c, nxt)
            print(t, old.LABEL, "->", nxt.LABEL, "waiting", c.waiting)
            time_in_state = 0
        else:
            time_in_state += 1
        if c.state.GO:
            go_ticks += 1
        c.ticks += 1
    return go_ticks


def entry_point(argv):
    ticks = int(argv[1])
    scale = int(argv[2])
    red = make_states(scale)
    c = Controller("main", 5)
    go = simulate(c, red, ticks, 11)
    print("go ticks", go, "changes", c.changes, "ticks", c.ticks)
    print("now", c.state.LABEL, "before", c.previous.LABEL, c.state is c.previous)
    print("entered", red.entered, red.green.entered, red.yellow.entered, red.flashing.entered)
    print("shared", red.green.red is red, red.yellow.green is red.green, red.flashing.flashing is red.flashing)
    c2 = Controller("side", 1)
    go2 = simulate(c2, red.green, ticks // 2, 5)
    print("side go ticks", go2, c2.changes, c2.state.LABEL, c2.name, c.name)
    print("entered", red.entered, red.green.entered, red.yellow.entered, red.flashing.entered)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
