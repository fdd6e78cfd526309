# args: 2000
"""Immutable 2-D vector objects returned from methods (a fresh allocation per operation), bodies holding vectors as attributes, a gravity simulation over a linked list of bodies with float arithmetic, and energy/momentum checks."""
import sys


class Vec(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def norm2(self):
        return self.dot(self)


def sqrt(v):
    if v <= 0.0:
        return 0.0
    r = v if v > 1.0 else 1.0
    for i in range(40):
        r = 0.5 * (r + v / r)
    return r


class Body(object):
    def __init__(self, name, pos, vel, mass, next):
        self.name = name
        self.pos = pos
        self.vel = vel
        self.mass = mass
        self.next = next


def momentum(bodies):
    p = Vec(0.0, 0.0)
    b = bodies
    while b is not None:
        p = p.add(b.vel.scale(b.mass))
        b = b.next
    return p


def energy(bodies):
    e = 0.0
    b = bodies
    while b is not None:
        e += 0.5 * b.mass * b.vel.norm2()
        o = b.next
        while o is not None:
            d = sqrt(b.pos.sub(o.pos).norm2())
            e -= b.mass * o.mass / d
            o = o.next
        b = b.next
    return e


def step(bodies, dt):
    b = bodies
    while b is not None:
        o = b.next
        while o is not None:
            d = b.pos.sub(o.pos)
            dist2 = d.norm2()
            mag = dt / (dist2 * sqrt(dist2))
            b.vel = b.vel.sub(d.scale(o.mass * mag))
            o.vel = o.vel.add(d.scale(b.mass * mag))
            o = o.next
        b = b.next
    b = bodies
    while b is not None:
        b.pos = b.pos.add(b.vel.scale(dt))
        b = b.next


def entry_point(argv):
    steps = int(argv[1])
    sun = Body("sun", Vec(0.0, 0.0), Vec(0.0, 0.0), 1000.0, None)
    bodies = Body("c", Vec(0.0, -30.0), Vec(-5.5, 0.0), 0.5, sun)
    bodies = Body("b", Vec(-20.0, 0.0), Vec(0.0, -7.0), 2.0, bodies)
    bodies = Body("a", Vec(10.0, 0.0), Vec(0.0, 10.0), 1.0, bodies)
    # cancel the total momentum through the sun
    p = momentum(bodies)
    sun.vel = p.scale(-1.0 / sun.mass)
    e0 = energy(bodies)
    print("energy", e0)
    for i in range(steps):
        step(bodies, 0.001)
        if i % (steps // 4) == 0:
            print("step", i, energy(bodies))
    e1 = energy(bodies)
    print("energy", e1, "drift small", abs(e1 - e0) < 1.0)
    p = momentum(bodies)
    print("momentum", abs(p.x) < 1e-9, abs(p.y) < 1e-9)
    b = bodies
    while b is not None:
        print(b.name, b.pos.x, b.pos.y, b.vel.x, b.vel.y)
        b = b.next
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
