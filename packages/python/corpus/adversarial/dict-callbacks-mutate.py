# Callbacks that mutate the dict being walked (issue 11, item 1): repr, update, ==, views.
class ClearsOnRepr:
    def __repr__(self):
        d.clear()
        junk = [str(i) * 3 for i in range(50)]
        return "R"


d = {"a": ClearsOnRepr(), "b": 2, "c": 3}
print(repr(d))
print(d)

l = [ClearsOnRepr(), 1, 2]


class ClearsList:
    def __repr__(self):
        l.clear()
        return "L"


l = [ClearsList(), 1, 2]
print(repr(l), l)


class ClearsSourceOnDel:
    def __del__(self):
        src.clear()
        junk = [str(i) * 3 for i in range(50)]


src = {"x": 1, "y": 2, "z": 3}
dst = {"x": ClearsSourceOnDel()}
try:
    dst.update(src)
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(dst.items()))


class ClearsOnEq:
    def __eq__(self, other):
        a.clear()
        return True



a = {"k": ClearsOnEq(), "m": 5}
b = {"k": 1, "m": 5}
print(a == b, a)

d = {1: 1, 2: 2, 3: 3}
try:
    for v in d.values():
        d[v + 10] = v
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
        d[k + 10] = k
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2, 3: 3}
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
