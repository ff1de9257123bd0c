# The Pickler/Unpickler hooks: persistent_id/persistent_load, a Pickler's dispatch_table,
# reducer_override, dump/load through a file, fix_imports.
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


# persistent_id / persistent_load.
class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Point):
            return 'Point:%d:%d' % (obj.x, obj.y)
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, x, y = pid.split(':')
        return Point(int(x) * 10, int(y) * 10)


for protocol in range(6):
    f = io.BytesIO()
    DBPickler(f, protocol).dump([Point(1, 2), 'other'])
    print(protocol, f.getvalue())
    f.seek(0)
    back = DBUnpickler(f).load()
    print('  ', back[0].x, back[0].y, back[1])

f = io.BytesIO()
DBPickler(f, 0).dump(Point(1, 2))
f.seek(0)
try:
    pickle.Unpickler(f).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)


# A Pickler's own dispatch_table and reducer_override.
class TablePickler(pickle.Pickler):
    dispatch_table = {Point: lambda p: (complex, (p.x, p.y))}


f = io.BytesIO()
TablePickler(f, 2).dump(Point(5, 6))
print(f.getvalue(), pickle.loads(f.getvalue()))


class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Point:
            return (str, ('was Point',))
        return NotImplemented


f = io.BytesIO()
OverridePickler(f, 4).dump([Point, 1])
print(f.getvalue(), pickle.loads(f.getvalue()))

# dump / load with a file, several pickles in a row.
f = io.BytesIO()
for protocol in range(6):
    pickle.dump({'p': protocol}, f, protocol)
f.seek(0)
print([pickle.load(f) for _ in range(6)])

# fix_imports=False keeps Python 3 names in protocol 0-2.
print(pickle.dumps(range(2), 2, fix_imports=False), pickle.dumps(ValueError, 0, fix_imports=False))
print(pickle.loads(b'c__builtin__\nxrange\n(I1\nI2\ntR.'), pickle.loads(b'cexceptions\nKeyError\n.'))
