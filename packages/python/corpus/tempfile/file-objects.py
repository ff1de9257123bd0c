# NamedTemporaryFile, TemporaryFile and SpooledTemporaryFile: what they open, when they vanish.
import gc, os, re, tempfile
base = tempfile.mkdtemp()
def shape(path):
    return bool(re.fullmatch(r'tmp[a-z0-9_]{8}', os.path.basename(path)))
f = tempfile.NamedTemporaryFile(dir=base)
print(type(f).__name__, shape(f.name), os.path.exists(f.name), f.mode, f.closed)
f.write(b'abc'); f.seek(0); print(f.read(), f.tell(), type(f.file).__name__)
name = f.name
f.close()
print(f.closed, os.path.exists(name))
with tempfile.NamedTemporaryFile('w+', dir=base, suffix='.log', delete_on_close=False) as f:
    f.write('line\n'); f.close()
    print(os.path.exists(f.name), open(f.name).read(), end='')
print(os.path.exists(f.name))
with tempfile.NamedTemporaryFile('w', dir=base, delete=False) as f:
    f.write('kept')
print(os.path.exists(f.name), open(f.name).read()); os.remove(f.name)
g = tempfile.NamedTemporaryFile(dir=base)
gname = g.name
del g
gc.collect()
print(os.path.exists(gname))
write = tempfile.NamedTemporaryFile(dir=base).write
print(write(b'x'), len(os.listdir(base)))
del write
with tempfile.NamedTemporaryFile('w+', dir=base, encoding='utf-8') as f:
    f.writelines(['a\n', 'é\n']); f.seek(0)
    print([line for line in f], f.encoding)
t = tempfile.TemporaryFile(dir=base)
print(type(t).__name__, type(t.name).__name__, os.listdir(base))
t.write(b'hidden'); t.seek(0); print(t.read()); t.close()
with tempfile.TemporaryFile('w+', dir=base) as t:
    t.write('text'); t.seek(0); print(t.read(), t.mode)
s = tempfile.SpooledTemporaryFile(max_size=10, dir=base)
print(s._rolled, s.name, s.mode, s.closed)
s.write(b'12345'); print(s._rolled, s.tell())
s.write(b'678901'); print(s._rolled, type(s.name).__name__, s.mode, s.tell())
s.seek(0); print(s.read())
s.close(); print(s.closed)
with tempfile.SpooledTemporaryFile(mode='w+', dir=base) as s:
    s.write('ab\ncd'); s.seek(0)
    print(repr(s.readline()), s.readlines(), s.encoding, repr(s.newlines), s._rolled)
    s.fileno(); print(s._rolled, s.mode)
    s.seek(0); print(repr(s.read()))
s = tempfile.SpooledTemporaryFile(max_size=5, dir=base)
s.truncate(3); print(s._rolled); s.truncate(6); print(s._rolled); s.close()
try:
    with s:
        pass
except ValueError as e:
    print(e)
print(os.listdir(base))
os.rmdir(base)
