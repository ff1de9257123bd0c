# dumps calls default() for unknown types; JSONEncoder subclasses override it
import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def encode_point(obj):
    if isinstance(obj, Point):
        return {'x': obj.x, 'y': obj.y}
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError('cannot encode ' + type(obj).__name__)
print(json.dumps({'p': Point(1, 2), 'tags': {'b', 'a'}}, default=encode_point))
class ComplexEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, complex):
            return [obj.real, obj.imag]
        return json.JSONEncoder.default(self, obj)
print(json.dumps({'z': 1 + 2j}, cls=ComplexEncoder), ComplexEncoder(sort_keys=True).encode({'b': 1, 'a': 2}))
try:
    json.dumps({'z': object()}, cls=ComplexEncoder)
except TypeError as error:
    print('TypeError:', error)
try:
    json.dumps([Point(0, 0)], default=lambda o: o)
except ValueError as error:
    print('ValueError:', error)
