# The singleton pattern: a metaclass __call__ that reaches type.__call__ through super().
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            instance = super().__call__(*args, **kwargs)
            cls._instances[cls] = instance
        return cls._instances[cls]


class Database(metaclass=Singleton):
    def __init__(self, url):
        print("connecting to", url)
        self.url = url


class Cache(metaclass=Singleton):
    def __init__(self):
        self.items = {}


first = Database("sqlite://a")
second = Database("sqlite://b")
print(first is second, second.url)
c1, c2 = Cache(), Cache()
c1.items["k"] = 1
print(c2.items, len(Singleton._instances))
print(sorted(cls.__name__ for cls in Singleton._instances))
