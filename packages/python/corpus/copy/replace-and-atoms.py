# copy: replace() (3.13), __copy__/__deepcopy__ precedence, copying classes, functions and ranges
import copy
from dataclasses import dataclass
@dataclass(frozen=True)
class Pt:
    x: int
    y: int = 0
p = Pt(1, 2)
print(copy.replace(p, y=5), copy.copy(p) is p, copy.deepcopy(p) == p)
class C: pass
print(copy.copy(C) is C, copy.deepcopy(len) is len, copy.copy(range(3)) == range(3), copy.deepcopy((1, [2])) is not None)
t = (1, 2); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [])) is (1, []))
class R:
    def __reduce__(self): return (R, ())
    def __eq__(self, o): return type(o) is R
print(copy.copy(R()) == R(), copy.deepcopy([R()]) == [R()])
try: copy.replace(1)
except TypeError as e: print(e)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = [1]; d = copy.deepcopy(s); print(d.a, d.a is s.a, hasattr(d, 'b'))
