# os.stat fields, chmod, utime, scandir/DirEntry, access, samefile, chdir and the stat module.
import os, stat
os.mkdir('d', 0o700)
st = os.stat('d')
print(oct(st.st_mode), stat.S_ISDIR(st.st_mode), stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode))
with open('d/f', 'w') as f:
    f.write('x' * 12)
os.chmod('d/f', 0o444)
print(oct(os.stat('d/f').st_mode), stat.filemode(os.stat('d/f').st_mode), stat.S_IMODE(0o100644))
os.utime('d/f', (1000, 2000.5))
s = os.stat('d/f')
print(s.st_atime, s.st_mtime, s[7], s[8], s.st_mtime_ns, s.st_atime_ns, os.path.getmtime('d/f'))
print(len(s), s.st_size, s.st_nlink, s[6], type(s).__name__, os.path.getsize('d/f'))
os.utime('d/f', ns=(5_000_000_001, 6_000_000_002))
print(os.stat('d/f').st_mtime_ns, os.stat('d/f').st_atime_ns)
open('d/g', 'w').close()
os.mkdir('d/sub')
with os.scandir('d') as it:
    for e in sorted(it, key=lambda e: e.name):
        print(e, e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), os.fspath(e),
              e.inode() == os.stat(e.path).st_ino)
print(sorted(e.name for e in os.scandir()), type(os.scandir('.')).__name__)
print(os.path.samefile('d/g', './d/g'), os.path.samefile('d/g', 'd/f'), os.path.islink('d/g'))
print(os.access('d/g', os.R_OK), os.access('nope', os.F_OK), os.access('d', os.X_OK), os.access('d/g', os.X_OK))
cwd = os.getcwd()
os.chdir('d')
print(os.getcwd() == os.path.join(cwd, 'd'), sorted(os.listdir()), open('f').read(4))
os.chdir('..')
print(os.getcwd() == cwd, os.path.abspath('d') == os.path.join(cwd, 'd'))
for action, arg in [(os.chdir, 'd/g'), (os.chdir, 'missing'), (os.stat, 'd/g/'), (os.chmod, 'missing')]:
    try:
        action(arg) if action is not os.chmod else action(arg, 0o600)
    except OSError as e:
        print(action.__name__, type(e).__name__, e)
try:
    open('newdir/', 'w')
except OSError as e:
    print(type(e).__name__, e)
r = os.stat_result(range(10))
print(r, r.st_mtime, r.st_mtime_ns)
try:
    os.stat_result((1, 2))
except TypeError as e:
    print(e)
try:
    os.DirEntry()
except TypeError as e:
    print(e)
print(os.path.realpath('d/../d/f') == os.path.join(cwd, 'd', 'f'), os.path.ismount('/'), os.path.ismount('d'))
print(os.fsencode('é'), os.fsdecode(b'\xc3\xa9'), os.getcwdb() == os.fsencode(cwd))
