# collections.UserDict, UserList, UserString: the wrapped data, mapping / sequence / str methods,
# operators keeping the subclass, __missing__, copies, comparisons and errors.
import copy
from collections import UserDict, UserList, UserString
from collections.abc import MutableMapping, MutableSequence, Sequence


class Defaults(UserDict):
    def __missing__(self, key):
        return "missing " + repr(key)


d = UserDict({"a": 1}, b=2)
print(d, len(d), d["a"], d.get("z"), d.get("a"), "a" in d, list(d), d.data)
d["c"] = 3
del d["a"]
print(d, d.pop("b"), d.setdefault("x", 9), d, d | {"y": 0}, {"w": 1} | d, type(d | d).__name__)
d |= {"q": 5}
print(d, d.copy(), copy.copy(d), UserDict.fromkeys("ab", 0), isinstance(d, MutableMapping))
m = Defaults(k=1)
print(m["k"], m["nope"], m.get("nope"), type(m.copy()).__name__, m == {"k": 1})
try:
    d["absent"]
except KeyError as error:
    print("KeyError", error)

u = UserList([3, 1, 2])
print(u, u[0], u[1:], type(u[1:]).__name__, len(u), 2 in u, u + [4], [0] + u, u * 2, 2 * u)
u.append(5)
u.insert(0, 9)
u.extend(UserList([7]))
u += (8,)
print(u, u.pop(), u.pop(0), u.count(1), u.index(2), u == [3, 1, 2, 5, 7], u < [4], u >= UserList([3]))
u.sort(reverse=True)
u.reverse()
u.remove(5)
del u[0]
u[0] = "x"
print(u, u.copy(), copy.copy(u), isinstance(u, MutableSequence), UserList("ab"), UserList())
u *= 2
print(u, u.data)
try:
    u.remove("absent")
except ValueError as error:
    print("ValueError", error)

s = UserString("Hello World")
print(s, repr(s), len(s), s[0], type(s[0]).__name__, s[::-1], "World" in s, s + "!", "<" + s, s * 2)
print(s.upper(), type(s.upper()).__name__, s.lower(), s.split(), s.find("o"), s.count("l"), s.startswith("He"))
print(s.replace("World", "There"), s.center(15, "*"), s.zfill(13), s.strip("Hd"), s.partition(" "))
print(s == "Hello World", s < "Z", s > UserString("A"), hash(s) == hash("Hello World"), int(UserString("42")) + 1)
print(UserString("%s-%d") % ("a", 1), s.format(), UserString("{x}").format_map({"x": 3}), s.encode())
print(s.isalpha(), UserString("abc").isalpha(), s.title(), s.swapcase(), s.removeprefix("Hello "), isinstance(s, Sequence))
print(s.join(["1", "2"]), s.index("W"), s.rsplit("o", 1), s.splitlines(), UserString(12), str(s), s.count(UserString("l")))
try:
    s.index("zz")
except ValueError as error:
    print("ValueError", error)

import collections
print("UserDict" in dir(collections), collections.UserList.__module__, collections.UserString.upper.__qualname__)
try:
    collections.nope
except AttributeError as error:
    print(error)
