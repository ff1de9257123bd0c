# os.path.exists/isfile/isdir/getsize, os.stat, remove/unlink, rename/replace and their errors.
import os
with open('f.txt', 'w') as f:
    f.write('12345')
os.mkdir('d')
for path in ['f.txt', 'd', 'missing', '', 'f.txt/x', 5]:
    print(repr(path), os.path.exists(path), os.path.isfile(path), os.path.isdir(path))
print(os.path.getsize('f.txt'), os.stat('f.txt').st_size, os.stat('f.txt')[6], type(os.stat('d')).__name__)
print(oct(os.stat('f.txt').st_mode)[:4], oct(os.stat('d').st_mode)[:4])
def attempt(action, *args):
    try:
        print('ok', action(*args))
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
attempt(os.path.getsize, 'missing')
attempt(os.stat, 'missing')
attempt(os.path.exists, None)
attempt(os.remove, None)
attempt(os.remove, 'd')
attempt(os.remove, 'missing')
attempt(os.rename, 'missing', 'other')
attempt(os.rename, 'f.txt', 'g.txt')
print(os.path.exists('f.txt'), open('g.txt').read())
with open('h.txt', 'w') as f:
    f.write('replacement')
attempt(os.replace, 'h.txt', 'g.txt')
print(open('g.txt').read(), os.path.exists('h.txt'))
attempt(os.rename, 'g.txt', 'd')
attempt(os.rename, 'd', 'g.txt')
attempt(os.unlink, 'g.txt')
print(sorted(os.listdir()))
