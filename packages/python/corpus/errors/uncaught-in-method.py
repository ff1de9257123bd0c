# An uncaught AttributeError raised several calls deep; finalizers of the frames run at exit.
class Engine:
    def __init__(self):
        self.speed = 0

    def accelerate(self, amount):
        self.speed += amount
        return self.gear.shift()

    def __del__(self):
        print("engine stopped at", self.speed)


def drive(engine):
    print("driving")
    return engine.accelerate(10)


drive(Engine())
print("not reached")
