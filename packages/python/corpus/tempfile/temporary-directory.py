# TemporaryDirectory: cleanup, the context manager, delete=False, and the implicit clean-up warning.
import gc, os, re, tempfile, warnings
base = tempfile.mkdtemp()
td = tempfile.TemporaryDirectory(dir=base)
print(repr(td) == '<TemporaryDirectory %r>' % td.name, bool(re.fullmatch(r'tmp[a-z0-9_]{8}', os.path.basename(td.name))))
os.makedirs(os.path.join(td.name, 'x', 'y'))
open(os.path.join(td.name, 'x', 'y', 'z'), 'w').close()
td.cleanup()
print(os.path.exists(td.name))
td.cleanup()
with tempfile.TemporaryDirectory(prefix='w', suffix='.d', dir=base) as name:
    print(type(name).__name__, os.path.basename(name)[0], name.endswith('.d'), os.path.isdir(name))
    open(os.path.join(name, 'f'), 'w').close()
print(os.path.exists(name))
with tempfile.TemporaryDirectory(dir=base, delete=False) as name:
    pass
print(os.path.exists(name)); os.rmdir(name)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    td = tempfile.TemporaryDirectory(dir=base)
    n = td.name
    del td
    gc.collect()
print(os.path.exists(n), [str(w.message) == 'Implicitly cleaning up <TemporaryDirectory %r>' % n for w in caught])
print([w.category.__name__ for w in caught])
with tempfile.TemporaryDirectory(dir=base, ignore_cleanup_errors=True) as name:
    os.rmdir(name)
print(os.path.exists(name))
try:
    with tempfile.TemporaryDirectory(dir=base) as name:
        os.rmdir(name)
        open(name, 'w').close()
except NotADirectoryError as e:
    print(type(e).__name__, e.filename == name)
os.remove(name)
print(os.listdir(base))
os.rmdir(base)
