# glob with recursive=True: '**' alone, leading, inside and trailing, with and without hidden names.
import glob, os, shutil, tempfile
base = tempfile.mkdtemp()
for d in ['a/b/c', '.hid', 'a/.h2', 'z']:
    os.makedirs(os.path.join(base, d))
for f in ['f.txt', 'g.py', '.hidden.py', 'a/h.py', 'a/b/i.py', 'a/b/c/j.txt', '.hid/k.py',
          'a/.h2/l.py', 'a/b/.n.py']:
    open(os.path.join(base, f), 'w').close()
def show(pattern, **options):
    found = glob.glob(pattern, root_dir=base, recursive=True, **options)
    print(repr(pattern), options, len(found), sorted(found))
for pattern in ['**', '**/', '**/*.py', '**/*.txt', 'a/**', 'a/**/', 'a/**/*.py', '**/b/*',
                '**/**', 'a/**/c', '**/.*', 'z/**', 'missing/**']:
    show(pattern)
show('**', include_hidden=True)
show('**/*.py', include_hidden=True)
print(sorted(glob.glob('**/*.py', root_dir=base)))
found = glob.glob(os.path.join(base, '**', '*.txt'), recursive=True)
print(sorted(path[len(base):] for path in found))
# A directory comes before what it holds, at every depth.
order = glob.glob('**', root_dir=base, recursive=True)
print(all(order.index(os.path.dirname(p)) < order.index(p) for p in order if os.path.dirname(p)))
it = glob.iglob('**', root_dir=base, recursive=True)
print(next(it) != '', len(list(it)) == len(order) - 1)
deep = os.path.join(base, *['d'] * 60)
os.makedirs(deep)
print(len(glob.glob('**/', root_dir=base, recursive=True)))
shutil.rmtree(base)
print(os.path.exists(base))
