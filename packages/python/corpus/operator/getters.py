# itemgetter, attrgetter and methodcaller: sort keys and reprs
from operator import itemgetter, attrgetter, methodcaller
inventory = [('apple', 3, 0.5), ('pear', 1, 0.75), ('fig', 3, 0.2)]
print(sorted(inventory, key=itemgetter(1, 0)))
print(list(map(itemgetter(0), inventory)), itemgetter(-1)('abc'))
class Employee:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
class Dept:
    def __init__(self, title):
        self.title = title
staff = [Employee('Ann', Dept('ops'), 50), Employee('Bo', Dept('dev'), 70), Employee('Cy', Dept('dev'), 60)]
print([e.name for e in sorted(staff, key=attrgetter('dept.title', 'salary'))])
print(attrgetter('name', 'dept.title')(staff[0]))
upper = methodcaller('upper')
split_comma = methodcaller('split', ',')
print(upper('abc'), split_comma('a,b,c'), methodcaller('replace', 'a', 'o')('banana'))
print(repr(itemgetter(1)), repr(itemgetter('a', 2)), repr(attrgetter('x.y')), repr(methodcaller('m', 1, k=2)))
try:
    attrgetter('missing')(staff[0])
except AttributeError as error:
    print('AttributeError:', error)
try:
    itemgetter(5)([1, 2])
except IndexError as error:
    print('IndexError:', error)
