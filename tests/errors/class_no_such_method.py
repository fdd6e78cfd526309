# expect-error: line 16: `Dog` objects have no method `fly`
class Animal(object):
    def speak(self):
        return 1


class Dog(Animal):
    def speak(self):
        return 2


def entry_point(argv):
    d = Dog()
    print(d.speak())
    if len(argv) > 5:
        print(d.fly())
    return 0
