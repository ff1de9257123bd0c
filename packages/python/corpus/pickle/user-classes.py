# Instances of user classes: __dict__, __slots__, __getstate__/__setstate__, __reduce__ (also
# returning a global's name) and __reduce_ex__, at every protocol, and what loads gives back.
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


def describe(obj):
    if isinstance(obj, Slotted):
        return ('Slotted', obj.x, obj.y)
    return (type(obj).__name__, sorted(vars(obj).items()))

cases = [Plain(), Empty(), Slotted(), WithState(3), Reducing(1, 'x'), ReduceEx(), THE_ONE]
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
