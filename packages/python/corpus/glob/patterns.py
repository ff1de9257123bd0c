# glob.glob with wildcards, sets, directories-only patterns, hidden names, root_dir and escape.
import glob, os, shutil, tempfile
base = tempfile.mkdtemp()
for d in ['a', 'a/b', 'a/b/c', '.hid', 'a/.h2', 'x[1]']:
    os.makedirs(os.path.join(base, d))
for f in ['f.txt', 'g.py', '.hidden.py', 'a/h.py', 'a/b/i.py', 'a/b/c/j.txt', '.hid/k.py',
          'a/.h2/l.py', 'x[1]/m.py', 'a/b/.n.py']:
    open(os.path.join(base, f), 'w').close()
def show(pattern, **options):
    print(repr(pattern), options, sorted(glob.glob(pattern, root_dir=base, **options)))
for pattern in ['*', '*.py', '.*', '*/', 'a/*', 'a/*/*.py', '*/*/*', 'a/b', 'a/b/', 'a/nope',
                'a/b/c/j.txt/', 'x[1]/*', glob.escape('x[1]') + '/*', '?.py', '[fg].*',
                '[!f]*', '', '**/*.py', '.hid/*', 'a/.*']:
    show(pattern)
show('*', include_hidden=True)
show('a/*', include_hidden=True)
absolute = sorted(glob.glob(os.path.join(base, 'a', '*')))
print([path[len(base):] for path in absolute])
print(type(glob.iglob('*')).__name__, sorted(glob.iglob('*.txt', root_dir=base)))
print(glob.has_magic('a[b'), glob.has_magic('a?'), glob.has_magic('abc'))
print(glob.escape('a*b?c[d]e'), glob.escape('//?/x'), glob.escape('plain'))
print(glob.glob(os.path.join(base, 'nothing*')), glob.glob(''), glob.glob('', root_dir=base))
print(sorted(glob.glob('*', root_dir=os.path.join(base, 'a'))))
shutil.rmtree(base)
print(os.path.exists(base), glob.glob(os.path.join(base, '*')))
