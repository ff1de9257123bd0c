# copytree: the copy, ignore and ignore_patterns, dirs_exist_ok, copy_function, gathered errors.
import os, shutil, tempfile
base = tempfile.mkdtemp()
def p(*parts):
    return os.path.join(base, *parts)
def tree(top):
    found = []
    for root, dirs, files in os.walk(top):
        rel = os.path.relpath(root, top)
        found += [os.path.join(rel, d) + '/' for d in dirs]
        found += [(os.path.join(rel, f), open(os.path.join(root, f)).read()) for f in files]
    return sorted(found, key=str)
def attempt(action, *args, **kwargs):
    try:
        print('ok', os.path.relpath(action(*args, **kwargs), base))
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, '<base>'))
os.makedirs(p('src', 'sub', 'deep'))
os.mkdir(p('src', 'empty'))
for name, text in [('one.py', '1'), ('two.txt', '2'), ('sub/three.py', '3'),
                   ('sub/deep/four.txt', '4'), ('sub/deep/five.pyc', '5')]:
    with open(p('src', name), 'w') as f:
        f.write(text)
os.chmod(p('src', 'one.py'), 0o600)
attempt(shutil.copytree, p('src'), p('copy'))
print(tree(p('copy')) == tree(p('src')), tree(p('copy')))
print(oct(os.stat(p('copy', 'one.py')).st_mode & 0o777))
attempt(shutil.copytree, p('src'), p('copy'))
with open(p('copy', 'one.py'), 'w') as f:
    f.write('changed')
open(p('copy', 'extra'), 'w').close()
attempt(shutil.copytree, p('src'), p('copy'), dirs_exist_ok=True)
print(open(p('copy', 'one.py')).read(), os.path.exists(p('copy', 'extra')))
attempt(shutil.copytree, p('src'), p('filtered'), ignore=shutil.ignore_patterns('*.pyc', 'two*'))
print(tree(p('filtered')))
seen = []
def ignore(directory, names):
    seen.append((os.path.relpath(directory, base), sorted(names)))
    return {'deep', 'nothing'}
attempt(shutil.copytree, p('src'), p('ign'), ignore=ignore)
print(sorted(seen), tree(p('ign')))
copied = []
def logging_copy(source, destination):
    copied.append((type(source).__name__, os.path.relpath(destination, base)))
    return shutil.copy2(source, destination)
attempt(shutil.copytree, p('src'), p('logged'), copy_function=logging_copy)
print(sorted(copied))
kinds = []
attempt(shutil.copytree, p('src'), p('plain'), copy_function=lambda s, d: kinds.append(type(s).__name__))
print(sorted(set(kinds)), tree(p('plain')))
attempt(shutil.copytree, p('missing'), p('x'))
attempt(shutil.copytree, p('src', 'one.py'), p('x'))
def failing(source, destination):
    raise OSError('no room for ' + os.path.basename(destination))
try:
    shutil.copytree(p('src'), p('failed'), copy_function=failing)
except shutil.Error as e:
    print(type(e).__name__, len(e.args), sorted((os.path.relpath(a, base), os.path.relpath(b, base), c) for a, b, c in e.args[0]))
print(tree(p('failed')))
shutil.rmtree(base)
print(os.path.exists(base))
