# ABCMeta used directly as a metaclass, with a custom metaclass deriving from it.
from abc import ABCMeta, abstractmethod


class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...


print(type(Base).__name__, isinstance(Base, ABCMeta))


class Tracking(ABCMeta):
    created = []

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        mcls.created.append(name)
        return cls


class Job(Base, metaclass=Tracking):
    def run(self):
        return "ran"


class Task(Job):
    pass


print(Tracking.created, Task().run(), type(Task).__name__)
print(issubclass(Task, Base), isinstance(Task(), Base))
try:
    Base()
except TypeError as error:
    print(error)
