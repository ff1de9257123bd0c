# Dataclass instances in reference cycles are collected by gc, and weak references to them die.
import gc
import weakref
from dataclasses import dataclass, field


@dataclass
class Person:
    name: str
    friends: list = field(default_factory=list)

    def __del__(self):
        print("del", self.name)


gc.disable()
alice = Person("alice")
bob = Person("bob", [alice])
alice.friends.append(bob)
probe = weakref.ref(alice)
del alice, bob
print("before collect", probe() is not None)
gc.collect()
print("after collect", probe())


@dataclass(slots=True, weakref_slot=True)
class Slotted:
    other: object = None


gc.collect()
x = Slotted()
x.other = x
probe = weakref.ref(x)
del x
print("slotted collected", gc.collect() > 0, probe())
solo = Person("solo")
del solo
print("refcount death needs no collect")
gc.enable()
