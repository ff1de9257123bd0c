# os.mkdir, makedirs, listdir, rmdir, removedirs and walk over the program's own folders.
import os
os.mkdir('top')
os.makedirs('top/a/b/c')
os.makedirs('top/a/b/c', exist_ok=True)
for name in ['top/x.txt', 'top/a/y.txt', 'top/a/b/z.txt']:
    with open(name, 'w') as f:
        f.write(name)
print(sorted(os.listdir('top')), sorted(os.listdir('top/a')))
print(sorted(os.listdir()), sorted(os.listdir('.')))
for root, dirs, files in os.walk('top'):
    print(root, sorted(dirs), sorted(files))
print([root for root, dirs, files in os.walk('top', topdown=False)])
def attempt(action, *args):
    try:
        action(*args)
        print('ok', action.__name__, args)
    except OSError as e:
        print(type(e).__name__, e)
attempt(os.mkdir, 'top')
attempt(os.makedirs, 'top/a')
attempt(os.makedirs, 'top/x.txt', 0o777, True)
attempt(os.rmdir, 'top')
attempt(os.rmdir, 'top/x.txt')
attempt(os.rmdir, 'missing')
attempt(os.listdir, 'missing')
attempt(os.listdir, 'top/x.txt')
attempt(os.mkdir, 'missing/inner')
attempt(os.rmdir, 'top/a/b/c')
attempt(os.removedirs, 'top/a/b/c')
os.remove('top/a/b/z.txt')
attempt(os.removedirs, 'top/a/b')
print(sorted(os.listdir('top')), os.path.isdir('top/a'))
