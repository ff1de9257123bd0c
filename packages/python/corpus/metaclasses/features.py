# Metaclass __call__, __new__, __init__, __prepare__, __init_subclass__ keywords, type() with a metaclass base.
import gc, sys
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value

a = Config(1); b = Config(2)
print(a is b, a.value, type(Config).__name__)

class Registry(type):
    registry = []
    def __new__(mcls, name, bases, ns, **kwargs):
        print("new", mcls.__name__, name, sorted(k for k in ns if not k.startswith("__")), kwargs)
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print("init", name, kwargs)
        super().__init__(name, bases, ns)
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("prepare", name, kwargs)
        return {"injected": 42}
    def describe(cls):
        return f"<{cls.__name__}>"
    @property
    def kind(cls):
        return "registered"

class Base(metaclass=Registry, tag="x"):
    def method(self): return 1
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class Child(Base, tag="y"):
    pass
print(Registry.registry, Base.injected, Child.describe(), Base.kind, type(Child) is Registry)
print(isinstance(Child, Registry), isinstance(Child, type), issubclass(Registry, type))
print(Child.__mro__)
X = Registry("X", (), {"a": 1})
print(type(X).__name__, X.a)
Y = type("Y", (Base,), {})
print(type(Y).__name__)
print(sys.getrefcount(Registry) > 2, gc.is_tracked(Child))
del X, Y
print(gc.collect() >= 0)
class AttrMeta(type):
    def __getattr__(cls, name):
        return name.upper()
    def __setattr__(cls, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
class Q(metaclass=AttrMeta): pass
print(Q.hello)
Q.z = 5
print(Q.z)
print(type(type), type.__call__(int, "5"))
def fmeta(name, bases, ns):
    return 99
class F(metaclass=fmeta): pass
print(F)
