# A __prepare__ mapping's own errors reach the class statement, and a failed class body leaks nothing.
import gc


class Strict:
    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        if key == "forbidden":
            raise ValueError(f"no {key}")
        self.data[key] = value

    def __getitem__(self, key):
        if key == "broken":
            raise RuntimeError("lookup failed")
        return self.data[key]


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Strict()

    def __new__(mcls, name, bases, namespace):
        return super().__new__(mcls, name, bases, namespace.data)


for body in ("store", "load", "fallback"):
    try:
        class C(metaclass=Meta):
            items = [1, 2, 3]
            if body == "store":
                forbidden = items
            elif body == "load":
                broken = 1
                print(broken)
            else:
                print(len(items), body)
    except (ValueError, RuntimeError) as error:
        print(type(error).__name__, error)
print(gc.collect(), C.items)
