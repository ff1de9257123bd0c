# a data descriptor outranks the instance dict; a non-data descriptor loses to it
class Data:
    def __get__(self, obj, owner):
        return "data"
    def __set__(self, obj, value):
        print("Data.__set__", value)
class NonData:
    def __get__(self, obj, owner):
        return "non-data"
class C:
    d = Data()
    n = NonData()
c = C()
c.__dict__["d"] = "dict d"
c.__dict__["n"] = "dict n"
print(c.d, c.n)
c.d = 1
c.n = 2
print(c.d, c.n, sorted(c.__dict__.items()))
del c.n
print(c.n)
