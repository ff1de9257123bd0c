# Pickling user classes built by __new__: __getnewargs__/__getnewargs_ex__, list/dict subclasses
# with attributes, nested classes and functions by qualified name, bound methods.
import pickle




class NewArgsEx:
    def __new__(cls, *, k):
        obj = object.__new__(cls)
        obj.k = k
        return obj

    def __getnewargs_ex__(self):
        return ((), {'k': self.k})


class L(list):
    pass


class D(dict):
    pass


class Outer:
    class Inner:
        pass


def top_level():
    return 1



def describe(obj):
    if isinstance(obj, (list, dict, int)):
        return (type(obj).__name__, obj, sorted(getattr(obj, '__dict__', {}).items()))
    if isinstance(obj, type):
        return obj
    if callable(obj):
        return obj.__qualname__
    return (type(obj).__name__, sorted(vars(obj).items()))

l = L([1, 2])
l.tag = 't'
cases = [NewArgs(7), NewArgsEx(k=5), l, D(a=1), Outer.Inner, Outer.Inner(), Outer, top_level,
         [L, D]]
for obj in cases:
    for protocol in range(6):
        data = pickle.dumps(obj, protocol)
        print(protocol, data)
        print('  ', describe(pickle.loads(data)))

print(pickle.loads(pickle.dumps(Outer.Inner, 2)) is Outer.Inner)
print(pickle.loads(pickle.dumps(top_level, 0))())


print(pickle.loads(pickle.dumps(top_level, 0))())


# Bound methods pickle as getattr(instance, name).
class Counter:
    def __init__(self):
        self.n = 5

    def get(self):
        return self.n


c = Counter()
for protocol in range(6):
    data = pickle.dumps([c.get, c], protocol)
    print(protocol, data)
    method, inst = pickle.loads(data)
    print('  ', method(), method.__self__ is inst)
