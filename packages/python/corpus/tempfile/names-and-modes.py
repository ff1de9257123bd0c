# mkstemp, mkdtemp, mktemp and gettempdir: the names' shape, the modes, bytes and str arguments.
import os, re, shutil, stat, tempfile
SHAPE = re.compile(r'[a-z0-9_]{8}')
def shape(path, prefix='tmp', suffix=''):
    name = os.path.basename(path)
    middle = name[len(prefix):len(name) - len(suffix)]
    return name.startswith(prefix) and name.endswith(suffix) and bool(SHAPE.fullmatch(middle))
base = tempfile.mkdtemp()
print(os.path.isabs(base), shape(base), oct(stat.S_IMODE(os.stat(base).st_mode)), os.listdir(base))
print(tempfile.gettempdir() == os.path.dirname(base), tempfile.tempdir == tempfile.gettempdir())
print(tempfile.gettempdirb() == os.fsencode(tempfile.gettempdir()), type(tempfile.gettempdirb()))
print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.template, tempfile.TMP_MAX)
print(tempfile._RandomNameSequence.characters, sorted(tempfile.__all__))
fd, path = tempfile.mkstemp(suffix='.txt', prefix='data-', dir=base)
print(type(fd).__name__, shape(path, 'data-', '.txt'), os.path.dirname(path) == base)
print(oct(stat.S_IMODE(os.stat(path).st_mode)), oct(stat.S_IMODE(os.fstat(fd).st_mode)))
print(os.write(fd, b'payload'), os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 3))
os.close(fd)
print(open(path).read())
fd, bpath = tempfile.mkstemp(dir=os.fsencode(base))
os.close(fd)
print(type(bpath).__name__, shape(os.fsdecode(bpath)))
try:
    tempfile.mkstemp(prefix=b'x', suffix='y')
except TypeError as e:
    print(e)
d = tempfile.mkdtemp(suffix='-d', prefix='dir-', dir=base)
print(shape(d, 'dir-', '-d'), os.path.isdir(d), oct(stat.S_IMODE(os.stat(d).st_mode)))
m = tempfile.mktemp(suffix='.x', dir=base)
print(shape(m, 'tmp', '.x'), os.path.exists(m), os.path.dirname(m) == base)
names = {os.path.basename(tempfile.mkdtemp(dir=base)) for i in range(20)}
print(len(names), len(os.listdir(base)))
previous = tempfile.tempdir
tempfile.tempdir = d
print(tempfile.gettempdir() == d, os.path.dirname(tempfile.mkdtemp()) == d)
tempfile.tempdir = previous
shutil.rmtree(base)
print(os.path.exists(base))
