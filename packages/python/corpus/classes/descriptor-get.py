# a user descriptor's __get__ receives the instance (None through the class) and the owner
class Tracer:
    def __get__(self, obj, owner):
        return ("instance" if obj is not None else "class", owner.__name__)
class A:
    t = Tracer()
class B(A):
    pass
print(A.t, A().t, B.t, B().t)
print(type(A.__dict__["t"]).__name__)
print(Tracer.__get__(A.__dict__["t"], None, B))
