# Instances of user classes: __dict__, __slots__, __getstate__/__setstate__, __reduce__,
# __reduce_ex__, __getnewargs__/__getnewargs_ex__, list/dict subclasses, nested classes,
# functions by qualified name.
import pickle


class Plain:
    def __init__(self):
        self.a = 1
        self.b = [1, 2]


class Empty:
    pass


class Slotted:
    __slots__ = ('x', 'y')

    def __init__(self):
        self.x = 1
        self.y = 2


class WithState:
    def __init__(self, v):
        self.v = v

    def __getstate__(self):
        return {'v': self.v * 10}

    def __setstate__(self, state):
        self.v = state['v'] // 10


class Reducing:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reducing, (self.a, self.b))


class ReduceEx:
    def __reduce_ex__(self, protocol):
        return (ReduceEx, (), {'seen': protocol})


class ReduceString:
    def __reduce__(self):
        return 'THE_ONE'


THE_ONE = ReduceString()


class NewArgs(int):
    def __getnewargs__(self):
        return (int(self),)


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
    if isinstance(obj, Slotted):
        return ('Slotted', obj.x, obj.y)
    if isinstance(obj, (list, dict, int)):
        return (type(obj).__name__, obj, sorted(getattr(obj, '__dict__', {}).items()))
    if isinstance(obj, type):
        return obj
    if callable(obj):
        return obj.__qualname__
    return (type(obj).__name__, sorted(vars(obj).items()))


l = L([1, 2])
l.tag = 't'
cases = [Plain(), Empty(), Slotted(), WithState(3), Reducing(1, 'x'), ReduceEx(), THE_ONE,
         NewArgs(7), NewArgsEx(k=5), l, D(a=1), Outer.Inner, Outer.Inner(), Outer, top_level,
         [Plain, Empty]]
for obj in cases:
    for protocol in range(6):
        try:
            data = pickle.dumps(obj, protocol)
        except Exception as e:
            print(protocol, type(e).__name__, e)
            continue
        print(protocol, data)
        back = pickle.loads(data)
        print('  ', describe(back))

print(pickle.loads(pickle.dumps(THE_ONE)) is THE_ONE)
print(pickle.loads(pickle.dumps(Outer.Inner, 2)) is Outer.Inner)
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
