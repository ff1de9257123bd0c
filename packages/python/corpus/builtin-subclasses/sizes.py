# sys.getsizeof of subclass instances is larger than the base's (dict and weakref slots), equal with __slots__ = ()
import sys
class L(list): pass
class D(dict): pass
class I(int): pass
class F(float): pass
class T(tuple): __slots__ = ()
class Slim(list): __slots__ = ()
class Named(list): __slots__ = ("a", "b")
print(sys.getsizeof(Named()) > sys.getsizeof(Slim()), sys.getsizeof(Named(["x"])) > sys.getsizeof(Named()))
print(sys.getsizeof(I(5)) > sys.getsizeof(5), sys.getsizeof(F(1.0)) > sys.getsizeof(1.0))
print(sys.getsizeof(T((1, 2))) == sys.getsizeof((1, 2)), sys.getsizeof(Slim()) == sys.getsizeof([]))
print(sys.getsizeof(Named()) - sys.getsizeof(Slim()) == 2 * sys.getsizeof(Named()) - 2 * sys.getsizeof(Named()) + sys.getsizeof(Named()) - sys.getsizeof(Slim()))
a = L([1, 2, 3])
print(sys.getsizeof(L()) - sys.getsizeof([]) == sys.getsizeof(D()) - sys.getsizeof({}), len(a))
