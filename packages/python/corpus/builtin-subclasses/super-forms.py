# super() forms reaching built-in bases: zero-argument, two-argument, explicit base calls
class A(list):
    def append(self, item):
        super().append(item * 2)
class B(A):
    def append(self, item):
        super(B, self).append(item + 1)
b = B()
b.append(1)
list.append(b, 5)
A.append(b, 10)
print(b, type(b).__mro__)
class Ordered(dict):
    def __setitem__(self, key, value):
        if key in self:
            del self[key]
        super().__setitem__(key, value)
o = Ordered()
o["a"] = 1
o["b"] = 2
o["a"] = 3
print(list(o), o)
class Text(str):
    def upper(self):
        return "<" + super().upper() + ">"
print(Text("hi").upper(), str.upper(Text("hi")), Text("ab").__len__(), str.__len__("abc"))
