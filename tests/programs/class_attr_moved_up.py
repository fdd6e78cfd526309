# args: 9
"""Attributes assigned only in subclasses but read (and written) through base-typed variables, so they move up the hierarchy; sibling classes that both assign the same attribute; an attribute holding instances or None set in one subclass only."""
import sys


class Trailer(object):
    def __init__(self, capacity):
        self.capacity = capacity


class Vehicle(object):
    def __init__(self, ident):
        self.ident = ident

    def wheels(self):
        return 0


class Car(Vehicle):
    def __init__(self, ident, doors):
        Vehicle.__init__(self, ident)
        self.doors = doors
        self.speed = 1.5
        self.electric = False

    def wheels(self):
        return 4


class Truck(Vehicle):
    def __init__(self, ident, axles):
        Vehicle.__init__(self, ident)
        self.doors = 2
        self.axles = axles
        self.speed = 0.75
        self.electric = False
        self.trailer = None

    def wheels(self):
        return self.axles * 2

    def hitch(self, capacity):
        self.trailer = Trailer(capacity)


class Bike(Vehicle):
    def __init__(self, ident):
        Vehicle.__init__(self, ident)
        self.speed = 2.25
        self.electric = True
        self.trailer = None

    def wheels(self):
        return 2


class Slot(object):
    def __init__(self, vehicle, next):
        self.vehicle = vehicle
        self.next = next


def make(i):
    k = i % 3
    if k == 0:
        return Car(i, 3 + i % 3)
    if k == 1:
        t = Truck(i, 2 + i % 4)
        if i % 2 == 1:
            t.hitch(i * 10)
        return t
    return Bike(i)


def doors_of(v):
    # read through a base-typed parameter
    return v.doors


def trailer_capacity(v):
    t = v.trailer
    if t is None:
        return 0
    return t.capacity


def entry_point(argv):
    n = int(argv[1])
    garage = None
    for i in range(n):
        garage = Slot(make(i), garage)

    slot = garage
    doors = 0
    wheels = 0
    speed = 0.0
    electric = 0
    capacity = 0
    while slot is not None:
        v = slot.vehicle
        wheels += v.wheels()
        speed += v.speed
        if v.electric:
            electric += 1
        if not isinstance(v, Bike):
            doors += doors_of(v)
        if isinstance(v, (Truck, Bike)):
            capacity += trailer_capacity(v)
        print(v.ident, v.wheels(), v.speed, v.electric)
        slot = slot.next
    print("doors", doors, "wheels", wheels, "speed", speed, "electric", electric, "capacity", capacity)

    # writes through the base type, read back through the concrete type
    c = Car(100, 5)
    t = Truck(101, 3)
    b = Bike(102)
    slot = Slot(c, Slot(t, Slot(b, None)))
    while slot is not None:
        slot.vehicle.speed = slot.vehicle.speed * 2.0
        slot.vehicle.electric = not slot.vehicle.electric
        slot = slot.next
    print("car", c.speed, c.electric, c.doors)
    print("truck", t.speed, t.electric, t.doors, t.axles, t.trailer is None)
    print("bike", b.speed, b.electric, b.trailer is None)
    t.hitch(77)
    first = Slot(t, None)
    print("hitched", trailer_capacity(first.vehicle), t.trailer.capacity)
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
