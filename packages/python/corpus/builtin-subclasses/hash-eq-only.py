# defining __eq__ alone on a str/int/float/tuple/frozenset subclass sets __hash__ to None
class S(str):
    def __eq__(self, other):
        return str.__eq__(self, other)
class I(int):
    def __eq__(self, other):
        return int.__eq__(self, other)
class Fl(float):
    def __eq__(self, other):
        return float.__eq__(self, other)
class T(tuple):
    def __eq__(self, other):
        return tuple.__eq__(self, other)
class Fr(frozenset):
    def __eq__(self, other):
        return frozenset.__eq__(self, other)
for cls, arg in [(S, "a"), (I, 1), (Fl, 1.5), (T, (1,)), (Fr, [1])]:
    print(cls.__name__, cls.__hash__, "__hash__" in cls.__dict__, cls(arg) == arg, arg == cls(arg))
    try:
        print({cls(arg): 1})
    except TypeError as error:
        print(error)
class Keeps(int):
    def __eq__(self, other):
        return int.__eq__(self, other)
    __hash__ = int.__hash__
print({Keeps(3): "k"}[3], {3: "plain"}[Keeps(3)], hash(Keeps(3)), Keeps(3) in {3})
class Child(S):
    pass
print(Child.__hash__, Child("z") == "z")
