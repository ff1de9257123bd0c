# classmethod and staticmethod subclasses: __get__ overrides, __func__, copied attributes, dicts
class traced(classmethod):
    def __get__(self, obj, owner=None):
        print('traced get', owner.__name__)
        return super().__get__(obj, owner)

class plain(staticmethod):
    pass

class K:
    @traced
    def make(cls, x):
        "make doc"
        return (cls.__name__, x)
    @plain
    def add(a, b):
        return a + b

class L(K):
    pass

print(K.make(1), L().make(2))
print(K.add(1, 2), K().add(3, 4))
cm = K.__dict__['make']
sm = K.__dict__['add']
print(type(cm).__mro__, type(sm).__mro__)
print(cm.__func__.__name__, cm.__wrapped__ is cm.__func__, cm.__name__, cm.__doc__)
print(sm.__func__ is sm.__wrapped__, sm.__name__, isinstance(sm, staticmethod))
sm.tag = 'tagged'
print(sm.tag, sorted(vars(sm)))
w = plain(len)
print(w.__func__ is len, w.__name__, callable(w))
print(traced(print).__func__ is print)
