# copyreg (pickle(), dispatch_table, extensions, __newobj__, _reconstructor, object.__reduce_ex__)
# as pickle uses it.
import copyreg
import pickle


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def reduce_point(p):
    return (Point, (p.x, p.y))


copyreg.pickle(Point, reduce_point)
for protocol in range(6):
    print(protocol, pickle.dumps(Point(1, 2), protocol))
del copyreg.dispatch_table[Point]
print(pickle.dumps(Point(1, 2), 2))

try:
    copyreg.pickle(Point, 42)
except TypeError as e:
    print('TypeError', e)
try:
    copyreg.constructor(42)
except TypeError as e:
    print('TypeError', e)

# The extension registry: EXT1/EXT2/EXT4 for registered globals.
copyreg.add_extension(__name__, 'Point', 200)
copyreg.add_extension(__name__, 'reduce_point', 0x1234)
copyreg.add_extension('builtins', 'len', 0x123456)
for protocol in (1, 2, 4):
    data = pickle.dumps([Point, reduce_point, len], protocol)
    print(protocol, data, pickle.loads(data) == [Point, reduce_point, len])
for args in [(__name__, 'Point', 201), (__name__, 'other', 200), ('m', 'n', 0)]:
    try:
        copyreg.add_extension(*args)
    except ValueError as e:
        print('ValueError', e)
copyreg.remove_extension(__name__, 'Point', 200)
try:
    copyreg.remove_extension(__name__, 'Point', 200)
except ValueError as e:
    print('ValueError', e)
copyreg.remove_extension(__name__, 'reduce_point', 0x1234)
copyreg.remove_extension('builtins', 'len', 0x123456)
copyreg.clear_extension_cache()

# object.__reduce_ex__ and friends, as pickle sees them.
p = Point(3, 4)
print(p.__reduce_ex__(2)[1:], p.__reduce_ex__(1)[1:], p.__reduce__()[1:])
print(p.__getstate__(), Point.__new__(Point).__getstate__())
print(copyreg.__newobj__(Point, ).__class__.__name__, copyreg._reconstructor(Point, object, None).__class__.__name__)
print(copyreg._slotnames(Point))
