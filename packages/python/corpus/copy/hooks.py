# __copy__, __deepcopy__, __getstate__/__setstate__ and __reduce__ customize copying
import copy
class Tracked:
    def __init__(self, items):
        self.items = items
    def __copy__(self):
        print('__copy__ called')
        return Tracked(list(self.items))
    def __deepcopy__(self, memo):
        print('__deepcopy__ called with', type(memo).__name__)
        return Tracked(copy.deepcopy(self.items, memo))
t = Tracked([[1]])
t1 = copy.copy(t)
t2 = copy.deepcopy(t)
print(t1.items[0] is t.items[0], t2.items[0] is t.items[0])
class Conn:
    def __init__(self, host):
        self.host = host
        self.socket = 'open socket'
    def __getstate__(self):
        state = dict(self.__dict__)
        del state['socket']
        return state
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.socket = 'reconnected'
c = copy.deepcopy(Conn('db'))
print(c.host, c.socket)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __reduce__(self):
        print('__reduce__ called')
        return (Money, (self.cents,))
m = copy.copy(Money(250))
print(m.cents, type(m).__name__)
