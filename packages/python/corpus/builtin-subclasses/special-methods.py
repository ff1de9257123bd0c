# The built-in types' special methods as attributes (int.__and__, float.__floor__, set.__or__,
# list.__iadd__, complex.__abs__, str.__mod__ …), called directly and reached through subclasses.
import math


class MyInt(int):
    def __repr__(self):
        return "R"


class S(set):
    pass


class L(list):
    pass


class C(complex):
    pass


print(str(MyInt(5)), MyInt(5) & 3, 3 | MyInt(4), abs(MyInt(-2)), round(MyInt(17), -1), divmod(MyInt(7), 2))
print(S({1, 2}) & {2}, {3} | S({1}), S({1, 2}) - {1}, type(S({1}) | {2}).__name__)
s = S({1})
s |= {5}
print(sorted(s), type(s).__name__, S({1}).__and__([1]))
items = L([1])
items += (2,)
items *= 2
print(items, type(items).__name__, list(reversed(items)))
print(C(1, 2) + 1, abs(C(3, 4)), -C(1, 1), bool(C(0)), (1 + 2j).__abs__())
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5), (2.5).__floor__(), (7).__ceil__())
print((1.5).__round__(), (2.675).__round__(2), (255).__format__("08b"), (-3).__abs__())
print("x%sy".__mod__("Q"), str.__mod__("%d", 5), "a".__rmod__(3))
print((5).__and__(3), (5).__rlshift__(1), (2.0).__divmod__(0.5), (7).__rdivmod__(30), True.__or__(False))
try:
    float("inf").__floor__()
except OverflowError as error:
    print("OverflowError", error)
