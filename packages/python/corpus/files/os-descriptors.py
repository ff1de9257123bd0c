# os.open/read/write/lseek/close/fdopen/fstat/truncate: descriptors sharing one offset, O_* flags.
import os, stat
fd = os.open('f', os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
print(type(fd).__name__, oct(stat.S_IMODE(os.fstat(fd).st_mode)), os.fstat(fd).st_size)
print(os.write(fd, b'hello world'), os.lseek(fd, 0, os.SEEK_CUR))
print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 5), os.read(fd, 100), os.read(fd, 5))
print(os.lseek(fd, -5, os.SEEK_END), os.read(fd, 2), os.lseek(fd, 2, os.SEEK_CUR))
with os.fdopen(fd, 'r+') as f:
    print(f.name == fd, f.read(), f.tell())
    f.write('!')
for action in (os.close, os.fstat):
    try:
        action(fd)
    except OSError as e:
        print(action.__name__, type(e).__name__, e)
print(open('f').read())
try:
    os.open('f', os.O_CREAT | os.O_EXCL | os.O_WRONLY)
except FileExistsError as e:
    print(e)
fd = os.open('g', os.O_WRONLY | os.O_CREAT | os.O_APPEND)
os.write(fd, b'abc'); os.lseek(fd, 0, 0); os.write(fd, b'def')
print(os.lseek(fd, 0, os.SEEK_CUR)); os.close(fd)
print(open('g').read())
fd = os.open('g', os.O_RDWR | os.O_TRUNC)
print(os.fstat(fd).st_size, os.read(fd, 10)); os.close(fd)
fd = os.open('g', os.O_WRONLY)
try:
    os.read(fd, 1)
except OSError as e:
    print(type(e).__name__, e)
os.close(fd)
raw = open(os.open('f', os.O_RDONLY), 'rb', buffering=0)
print(raw, raw.read(5), raw.closefd)
raw.close()
with open('h', 'w', opener=lambda path, flags: os.open(path, flags, 0o640)) as f:
    f.write('opened')
print(oct(stat.S_IMODE(os.stat('h').st_mode)), open('h').read())
fd = os.open('h', os.O_RDONLY)
f = open(fd, closefd=False)
print(f.read(), f.buffer.raw.closefd); f.close()
print(os.read(fd, 3) == b'', os.lseek(fd, 0, 0), os.read(fd, 3)); os.close(fd)
os.truncate('h', 2); print(open('h').read())
with open('h', 'a') as f:
    os.ftruncate(f.fileno(), 1)
print(open('h').read())
for bad in [-1, 99]:
    try:
        open(bad)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
try:
    open('x', 'w', closefd=False)
except ValueError as e:
    print(e)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND, os.SEEK_END)
