# Slice objects: what a class's __getitem__/__setitem__/__delitem__ receives for obj[a:b:c].
import gc, sys
class Seq:
    def __init__(self, items): self.items = list(items)
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Seq(self.items[key])
        return self.items[key]
    def __setitem__(self, key, value):
        print("set", key, value)
        self.items[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.items[key]
    def __repr__(self): return f"Seq({self.items})"
s = Seq(range(10))
print(s[2:5], s[::3], s[-2:], s[1])
s[0:2] = ["a", "b"]
del s[::4]
print(s)
sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step, slice(5), slice(None, 3, -1))
print(sl.indices(5), slice(None, None, -1).indices(4), list(range(10))[sl], "abcdefgh"[sl], (1, 2, 3)[slice(2)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), hash(slice(1, 2)) == hash(slice(1, 2)))
print(gc.is_tracked(sl), type(sl).__name__, isinstance(sl, slice))
l = list(range(6)); l[slice(0, 2)] = [9]; print(l)
d = {slice(1, 2): "x"}; print(d[slice(1, 2)])
try: slice()
except TypeError as e: print(e)
try: slice(1, 2, 0).indices(3)
except ValueError as e: print(e)
class Key:
    def __getitem__(self, k): return k
print(Key()[1:2], Key()[::], Key()[1:2:3], Key()["a"])
