# built-in functions and modules take subclass instances where they take the base type
import json
class D(dict): pass
class L(list): pass
class S(str): pass
class I(int): pass
print(json.dumps(D(a=L([1, 2]), b=S("x"))), json.dumps(L([I(3), 2.5])))
print(sorted(L([3, 1, 2]), reverse=True), min(L([4, 2])), sum(L([1, 2]), 10), any(L([0, 1])))
print(list(zip(L([1, 2]), S("ab"))), dict(L([("k", 1)])), tuple(S("xy")), set(L([1, 1])))
print(list(enumerate(S("ab"))), list(reversed(L([1, 2]))), " ".join(L(["a", S("b")])))
print(range(I(3)), [0, 1, 2, 3][I(1):I(3)], "abc"[I(1)], divmod(I(7), 2), round(I(5)), abs(I(-2)))
print(isinstance(I(1), int), isinstance(S(), str), type(I(1) + True).__name__, str(S("z")) == "z")
print(len(D(a=1, b=2)), list(D(a=1).items()), {**D(a=1), "b": 2}, L([1]) + L([2]))
