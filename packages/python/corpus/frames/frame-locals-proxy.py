# f_locals of a function frame is a write-through FrameLocalsProxy (PEP 667)
import sys

def f(a, b=2):
    c = a + b
    proxy = sys._getframe().f_locals
    print(type(proxy).__name__, len(proxy), "c" in proxy, "zz" in proxy)
    print(sorted(proxy.keys()), proxy["a"], proxy.get("zz", "none"))
    proxy["c"] = 99
    print(c)
    print(dict(proxy) == {"a": 1, "b": 2, "c": 99, "proxy": proxy})
    try:
        proxy["missing"]
    except KeyError as error:
        print("KeyError", error)
    try:
        del proxy["a"]
    except TypeError as error:
        print("TypeError", error)
    return proxy

result = f(1)
print(result.copy())
print(sys._getframe().f_locals is globals())

class K:
    y = 1
    print(sorted(k for k in sys._getframe().f_locals if not k.startswith('__')))
