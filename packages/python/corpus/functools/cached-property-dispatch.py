# cached_property computes once per instance; singledispatch picks by the argument's class
from functools import cached_property, singledispatch
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
del c.area
print(c.area)
print(type(Circle.area).__name__)
@singledispatch
def describe(value):
    return 'something'
@describe.register(int)
def _(value):
    return 'int ' + str(value)
@describe.register(list)
def _(value):
    return 'list of ' + str(len(value))
describe.register(str, lambda value: 'str ' + value)
print(describe(3), describe(True), describe([1, 2]), describe('hi'), describe(2.5))
print(describe.dispatch(bool).__name__ if hasattr(describe.dispatch(bool), '__name__') else '?')
try:
    describe()
except TypeError as error:
    print('TypeError:', error)
