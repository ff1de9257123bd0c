# ** unpacking in calls and dict displays, with CPython's errors.
def f(a, b=2, **rest):
    return a, b, sorted(rest.items())
opts = {"b": 5, "c": 6}
print(f(1, **opts))
print(f(**{"a": 1}, **{"z": 0}))
print(f(1, x=1, **{"y": 2}))
base = {"a": 1, "b": 2}
print({**base, "b": 3, **{"c": 4}})
print({"a": 0, **base})
print(dict(**base))
print("{a}-{b}".format(**base))
for call in [lambda: f(**5), lambda: f(a=1, **{"a": 2}), lambda: f(**{1: 2}),
             lambda: print(**{1: 2}), lambda: f(**{"a": 1}, **{"a": 2}), lambda: len(**5)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    {**[1]}
except TypeError as e:
    print("TypeError:", e)
class C:
    def m(self, **k):
        return k
print(C().m(**{"q": 1}))
try:
    C().m(**3)
except TypeError as e:
    print("TypeError:", e)
