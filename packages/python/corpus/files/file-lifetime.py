# File objects are GC-tracked; one dying open is closed (flushed) by refcount or by the collector.
import gc
f = open('a.txt', 'w')
print(gc.is_tracked(f), gc.is_tracked(f.buffer), gc.is_tracked(f.buffer.raw))
buffer = f.buffer
f.write('through the text layer')
del f
print(buffer.closed, repr(open('a.txt').read()))
class Holder:
    pass
holder = Holder()
holder.self = holder
holder.file = open('b.txt', 'w')
holder.file.write('in a cycle')
del holder
print(repr(open('b.txt').read()))
print(gc.collect() > 0)
print(repr(open('b.txt').read()))
def write_in_function():
    local = open('c.txt', 'w')
    local.write('local')
write_in_function()
print(repr(open('c.txt').read()))
files = [open('d%d.txt' % i, 'w') for i in range(3)]
for index, file in enumerate(files):
    file.write(str(index))
files.clear()
print([open('d%d.txt' % i).read() for i in range(3)])
