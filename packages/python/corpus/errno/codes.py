# errno: the codes OSErrors carry, their names in errorcode, aliases, and matching an OSError.
import errno
import os

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLOCK)
print(errno.errorcode[2], errno.errorcode[errno.EAGAIN], errno.errorcode[35], len(errno.errorcode))
print(sorted(errno.errorcode)[:5], max(errno.errorcode), type(errno.errorcode).__name__)
print(os.strerror(errno.ENOENT), os.strerror(errno.EISDIR))
try:
    open("/no/such/file/here")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], type(e).__name__)
try:
    os.mkdir(".")
except OSError as e:
    print(e.errno == errno.EEXIST, errno.errorcode[e.errno])
names = [name for name in dir(errno) if name.startswith("E")]
print(len(names), all(getattr(errno, name) in errno.errorcode for name in names))
