# rmtree (errors, ignore_errors, onexc, onerror) and move (rename, into a directory, refusals).
import os, shutil, tempfile
base = tempfile.mkdtemp()
def p(*parts):
    return os.path.join(base, *parts)
def rel(path):
    return os.path.relpath(path, base)
def attempt(action, *args, **kwargs):
    try:
        result = action(*args, **kwargs)
        print('ok', action.__name__, rel(result) if isinstance(result, str) else result)
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, '<base>'))
def make(*files):
    for name in files:
        os.makedirs(os.path.dirname(p(name)), exist_ok=True)
        with open(p(name), 'w') as f:
            f.write(name)
make('f.txt', 't/a', 't/b/c', 't/b/d/e', 't/x/y')
attempt(shutil.rmtree, p('missing'))
attempt(shutil.rmtree, p('f.txt'))
attempt(shutil.rmtree, p('missing'), ignore_errors=True)
calls = []
def record(function, path, error):
    calls.append((function.__name__, rel(path), type(error).__name__, error.filename == path))
shutil.rmtree(p('missing'), onexc=record)
shutil.rmtree(p('f.txt'), onexc=record)
shutil.rmtree(p('missing'), onerror=lambda f, path, info: calls.append((f.__name__, info[0].__name__, type(info[1]).__name__, info[2] is info[1].__traceback__)))
for call in calls:
    print(call)
print(shutil.rmtree(p('t')), os.path.exists(p('t')), os.listdir(base), shutil.rmtree.avoids_symlink_attacks)
make('m.txt', 'dir/inner', 'other/keep')
attempt(shutil.move, p('m.txt'), p('moved.txt'))
attempt(shutil.move, p('moved.txt'), p('dir'))
print(sorted(os.listdir(p('dir'))), open(p('dir', 'moved.txt')).read())
make('dir2/moved.txt')
attempt(shutil.move, p('dir2', 'moved.txt'), p('dir'))
make('target.txt')
attempt(shutil.move, p('dir', 'moved.txt'), p('target.txt'))
print(open(p('target.txt')).read(), os.path.exists(p('dir', 'moved.txt')))
attempt(shutil.move, p('dir'), p('other'))
print(sorted(os.listdir(p('other'))), sorted(os.listdir(p('other', 'dir'))))
attempt(shutil.move, p('other'), p('other', 'dir', 'inside'))
attempt(shutil.move, p('missing'), p('y'))
attempt(shutil.move, p('other') + '/', p('renamed'))
attempt(shutil.move, p('renamed', 'dir'), p('renamed', 'dir'))
print(sorted(os.listdir(base)))
shutil.rmtree(base)
print(os.path.exists(base))
