# __instancecheck__/__subclasscheck__ on a metaclass, container dunders on classes, __class_getitem__.
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__)
        return inst == 3
    def __subclasscheck__(cls, sub):
        return sub is int
    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
    def __len__(cls): return 7
    def __iter__(cls): return iter([1, 2])
    def __repr__(cls): return f"<Meta {cls.__name__}>"
class Odd(metaclass=Meta): pass
print(isinstance(3, Odd), isinstance(4, Odd), issubclass(int, Odd), issubclass(str, Odd))
print(Odd["k"], len(Odd), list(Odd), repr(Odd), Odd)
class G:
    def __class_getitem__(cls, item):
        return ("G", item)
print(G[int])
