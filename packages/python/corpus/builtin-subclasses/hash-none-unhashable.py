# __hash__ = None on subclasses of the hashable built-ins makes their instances unhashable
class S(str):
    __hash__ = None
class I(int):
    __hash__ = None
class T(tuple):
    __hash__ = None
class F(frozenset):
    __hash__ = None
for cls, arg in [(S, "a"), (I, 1), (T, (1,)), (F, [1])]:
    obj = cls(arg)
    for attempt in (lambda: hash(obj), lambda: {obj: 1}, lambda: {obj}, lambda: {1: 2}.get(obj),
                    lambda: obj in {1: 2}, lambda: set().add(obj), lambda: hash((1, obj))):
        try:
            attempt()
            print("no error")
        except TypeError as error:
            print(cls.__name__, error)
    print(cls.__hash__, obj == cls(arg), [obj].count(cls(arg)))
print(obj in [F([1])], obj in (F([2]),))
