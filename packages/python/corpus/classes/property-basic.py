# property(fget, fset, fdel): reads, writes and deletes go through the accessors, not the dict
class Temperature:
    def __init__(self):
        self._celsius = 20
    def get_celsius(self):
        print("get")
        return self._celsius
    def set_celsius(self, value):
        print("set", value)
        self._celsius = value
    def del_celsius(self):
        print("del")
        del self._celsius
    celsius = property(get_celsius, set_celsius, del_celsius)
t = Temperature()
print(t.celsius)
t.celsius = 25
print(t.celsius, t.__dict__)
del t.celsius
print(t.__dict__)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget is Temperature.get_celsius)
print(Temperature.celsius.__name__, Temperature.celsius.__doc__)
