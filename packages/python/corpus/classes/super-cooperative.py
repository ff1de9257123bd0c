# cooperative __init__ through super() visits every class of a diamond exactly once
class Root:
    def __init__(self):
        print("Root")
        super().__init__()
class A(Root):
    def __init__(self):
        print("A")
        super().__init__()
class B(Root):
    def __init__(self):
        print("B")
        super().__init__()
class C(A, B):
    def __init__(self):
        print("C")
        super().__init__()
C()
class Mixin:
    def describe(self):
        return "Mixin+" + super().describe()
class Thing:
    def describe(self):
        return "Thing"
class Fancy(Mixin, Thing):
    def describe(self):
        return "Fancy+" + super().describe()
print(Fancy().describe())
