/**
 * The `os` and `os.path` functions that ask the host file system, written in Python that pymem
 * runs as part of those modules (pymem's own source, not CPython's Lib/os.py or
 * Lib/genericpath.py): `os.path.exists` / `lexists` / `isfile` / `isdir` / `getsize` /
 * `getmtime`, and `os.stat` (a minimal `os.stat_result`), `listdir`, `remove` / `unlink`,
 * `rename` / `replace`, `mkdir` / `makedirs`, `rmdir` / `removedirs`, `walk`. The system calls
 * are `_pymem_files`'s (file-system-module.ts); failures raise CPython's OSError subclasses.
 *
 * @module
 */

/** Appended to `posixpath`: the path queries (CPython's genericpath). */
export const POSIXPATH_FILE_FUNCTIONS_SOURCE = String.raw`
import _pymem_files as _files

__all__ += ['exists', 'lexists', 'isfile', 'isdir', 'islink', 'ismount', 'isjunction', 'getsize',
            'getmtime', 'getatime', 'getctime', 'samefile', 'sameopenfile', 'samestat', 'realpath']


def _system_path(function, path, descriptor_ok=False):
    # CPython: path_converter — str, bytes or os.PathLike (an int is a descriptor, which
    # pymem's file systems have none of).
    if isinstance(path, str):
        return path
    if isinstance(path, bytes):
        return path.decode()
    method = getattr(type(path), '__fspath__', None)
    if method is not None:
        result = method(path)
        if isinstance(result, str):
            return result
        if isinstance(result, bytes):
            return result.decode()
        raise TypeError('expected ' + type(path).__name__ + '.__fspath__() to return str or bytes, not '
                        + type(result).__name__)
    if descriptor_ok and isinstance(path, int) and not isinstance(path, bool):
        raise OSError(9, 'Bad file descriptor')
    raise TypeError(function + ': path should be string, bytes' + (', os.PathLike or integer' if descriptor_ok
                    else ' or os.PathLike') + ', not ' + type(path).__name__)


def _status(path):
    # (is_directory, size, mtime, mode, ino, dev, nlink, uid, gid, atime, ctime) of what is at path.
    return _files.stat(_system_path('stat', path, True))


def exists(path):
    try:
        _status(path)
    except (OSError, ValueError):
        return False
    return True


lexists = exists


def isfile(path):
    try:
        return not _status(path)[0]
    except (OSError, ValueError):
        return False


def isdir(s):
    try:
        return bool(_status(s)[0])
    except (OSError, ValueError):
        return False


def islink(path):
    # pymem's file systems hold no symbolic links (the Node one follows them).
    try:
        _status(path)
    except (OSError, ValueError):
        pass
    return False


def isjunction(path):
    _system_path('isjunction', path)
    return False


def ismount(path):
    # CPython: posixpath.ismount — the root, or a directory on another device than its parent.
    try:
        status = _status(path)
    except (OSError, ValueError):
        return False
    if not status[0]:
        return False
    path = _system_path('ismount', path)
    parent = join(path, '..')
    try:
        parent_status = _status(parent)
    except (OSError, ValueError):
        return False
    return status[5] != parent_status[5] or status[4] == parent_status[4]


def getsize(filename):
    return _status(filename)[1]


def getmtime(filename):
    return _status(filename)[2]


def getatime(filename):
    return _status(filename)[9]


def getctime(filename):
    return _status(filename)[10]


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    import os
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    import os
    return samestat(os.fstat(fp1), os.fstat(fp2))


def realpath(filename, *, strict=False):
    # Without symbolic links the real path is the absolute one; strict wants it to exist.
    path = abspath(filename)
    if strict:
        _status(path)
    return path
`;

/** Appended to `os`: the file and directory functions. */
export const OS_FILE_FUNCTIONS_SOURCE = String.raw`
import _pymem_files as _files
from posixpath import _system_path

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
# Linux's open(2) flags. O_CLOEXEC, O_NOCTTY and O_NOFOLLOW change nothing here: pymem starts no
# processes, opens no terminals and its file systems have no symbolic links.
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_ACCMODE = 3
O_CREAT = 0o100
O_EXCL = 0o200
O_NOCTTY = 0o400
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_NOFOLLOW = 0o400000
O_CLOEXEC = 0o2000000
F_OK = 0
X_OK = 1
W_OK = 2
R_OK = 4
supports_dir_fd = set()
supports_fd = set()
supports_effective_ids = set()
supports_follow_symlinks = set()


class stat_result(tuple):
    """os.stat_result: the ten sequence fields (whole-second times) and the float and
    nanosecond times as attributes (CPython's structseq with n_fields 16 here, no st_blocks,
    st_blksize or st_rdev, which pymem's file systems do not keep)."""
    __module__ = 'os'
    _FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
               'st_atime', 'st_mtime', 'st_ctime')
    n_sequence_fields = 10
    n_fields = 16
    n_unnamed_fields = 3

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) < 10:
            raise TypeError('os.stat_result() takes an at least 10-sequence (' + str(len(items))
                            + '-sequence given)')
        if len(items) > 16:
            raise TypeError('os.stat_result() takes an at most 16-sequence (' + str(len(items))
                            + '-sequence given)')
        self = tuple.__new__(cls, items[:10])
        extra = list(items[10:]) + [None] * (16 - len(items))
        if dict is not None:
            for index, name in enumerate(('st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns',
                                          'st_mtime_ns', 'st_ctime_ns')):
                if name in dict and index + 10 >= len(items):
                    extra[index] = dict[name]
        # CPython: statresult_new — a float time left out is the whole-second one.
        for index in range(3):
            if extra[index] is None:
                extra[index] = items[7 + index]
        self._extra = tuple(extra)
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra[0])
    st_mtime = property(lambda self: self._extra[1])
    st_ctime = property(lambda self: self._extra[2])
    st_atime_ns = property(lambda self: self._extra[3])
    st_mtime_ns = property(lambda self: self._extra[4])
    st_ctime_ns = property(lambda self: self._extra[5])

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(name + '=' + repr(value)
                                             for name, value in zip(self._FIELDS, self)) + ')'

    def __reduce__(self):
        return (stat_result, (tuple(self) + self._extra,))


def _nanoseconds(seconds):
    # The float seconds a file system reports, as whole nanoseconds (CPython: fill_time).
    whole = int(seconds // 1)
    return whole * 1000000000 + round((seconds - whole) * 1e9)


def _stat_result(fields):
    is_directory, size, modified, mode, inode, device, links, uid, gid, accessed, changed = fields
    # S_IFDIR or S_IFREG, and the permission bits.
    mode |= 0o40000 if is_directory else 0o100000
    return stat_result((mode, inode, device, links, uid, gid, size, int(accessed), int(modified),
                        int(changed), accessed, modified, changed, _nanoseconds(accessed),
                        _nanoseconds(modified), _nanoseconds(changed)))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if isinstance(path, int) and not isinstance(path, bool):
        return fstat(path)
    return _stat_result(_files.stat(_system_path('stat', path, True)))


def lstat(path, *, dir_fd=None):
    return _stat_result(_files.stat(_system_path('lstat', path)))


def _descriptor(function, fd):
    if not isinstance(fd, int):
        raise TypeError("'" + type(fd).__name__ + "' object cannot be interpreted as an integer")
    if fd < 0:
        raise OSError(9, 'Bad file descriptor')
    return fd


def fstat(fd):
    return _stat_result(_files.fstat(_descriptor('fstat', fd)))


def open(path, flags, mode=0o777, *, dir_fd=None):
    # CPython: os_open_impl — a file descriptor whose offset os.read, os.write and os.lseek share.
    return _files.openflags(_system_path('open', path), flags, mode)


def close(fd):
    _files.close(_descriptor('close', fd))


def closerange(fd_low, fd_high):
    for fd in range(fd_low, fd_high):
        try:
            _files.close(fd)
        except OSError:
            pass


def read(fd, length):
    if length < 0:
        raise OSError(22, 'Invalid argument')
    return _files.read(_descriptor('read', fd), length, -1)


def write(fd, data):
    return _files.write(_descriptor('write', fd), data, -1)


def lseek(fd, position, whence):
    # CPython: os_lseek_impl.
    if whence == SEEK_CUR:
        position += _files.tell(_descriptor('lseek', fd))
    elif whence == SEEK_END:
        position += _files.size(_descriptor('lseek', fd))
    elif whence != SEEK_SET:
        raise OSError(22, 'Invalid argument')
    return _files.seek(_descriptor('lseek', fd), position)


def ftruncate(fd, length):
    _files.truncate(_descriptor('ftruncate', fd), length)


def truncate(path, length):
    if isinstance(path, int) and not isinstance(path, bool):
        return ftruncate(path, length)
    fd = open(path, O_WRONLY)
    try:
        _files.truncate(fd, length)
    finally:
        _files.close(fd)


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError('invalid fd type (%s, expected integer)' % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def getcwd():
    return _files.getcwd()


def getcwdb():
    return fsencode(_files.getcwd())


def fsencode(filename):
    # CPython: os.fsencode with the file system encoding utf-8 and surrogateescape.
    filename = fspath(filename)
    return filename.encode('utf-8', 'surrogateescape') if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode('utf-8', 'surrogateescape') if isinstance(filename, bytes) else filename


def chdir(path):
    _files.chdir(_system_path('chdir', path, True))


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _files.chmod(_system_path('chmod', path, True), mode)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    # CPython: os_utime_impl — times=(atime, mtime) in seconds, or ns=(atime_ns, mtime_ns),
    # or neither for now.
    if times is not None and ns is not None:
        raise ValueError('utime: you may specify either \'times\' or \'ns\' but not both')
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError('utime: \'times\' must be either a tuple of two ints or None')
        accessed, modified = times
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError('utime: \'ns\' must be a tuple of two ints')
        # Whole seconds and the fraction apart, so no precision is lost converting the int.
        accessed = ns[0] // 1000000000 + ns[0] % 1000000000 / 1e9
        modified = ns[1] // 1000000000 + ns[1] % 1000000000 / 1e9
    else:
        import time
        accessed = modified = time.time()
    _files.utime(_system_path('utime', path, True), accessed, modified)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    # pymem's programs run as the owner of every file with root's rights (the memory file
    # system keeps modes but enforces none), so what exists may be read and written, and run
    # when some execute bit is set.
    try:
        fields = _files.stat(_system_path('access', path, True))
    except OSError:
        return False
    if mode & X_OK and not fields[0] and not fields[3] & 0o111:
        return False
    return True


class DirEntry:
    """os.DirEntry: one name os.scandir() found, with its path and kind."""
    __module__ = 'posix'
    __slots__ = ('name', 'path', '_fields')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    def _status(self):
        if self._fields is None:
            self._fields = _files.stat(self.path)
        return self._fields

    def is_dir(self, *, follow_symlinks=True):
        try:
            return bool(self._status()[0])
        except FileNotFoundError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return not self._status()[0]
        except FileNotFoundError:
            return False

    def is_symlink(self):
        return False

    def is_junction(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return _stat_result(self._status())

    def inode(self):
        return self._status()[4]

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry ' + repr(self.name) + '>'

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class ScandirIterator:
    """What os.scandir() returns: an iterator of DirEntry and a context manager."""
    __module__ = 'posix'

    def __init__(self, directory, names):
        self._directory = directory
        self._names = names
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._names is None or self._index >= len(self._names):
            raise StopIteration
        name = self._names[self._index]
        self._index += 1
        entry = object.__new__(DirEntry)
        entry.name = name
        entry.path = path.join(self._directory, name)
        entry._fields = None
        return entry

    def close(self):
        self._names = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


# Not an attribute of os in CPython: kept under a private name.
_ScandirIterator = ScandirIterator
del ScandirIterator


def scandir(path='.'):
    # CPython: os_scandir_impl — the names in listdir's order; bytes paths give bytes names.
    if isinstance(path, bytes):
        names = [name.encode() for name in listdir(path.decode())]
        return _ScandirIterator(path, names)
    directory = fspath(path) if not isinstance(path, str) else path
    return _ScandirIterator(directory, listdir(_system_path('scandir', path, True)))


def listdir(path=None):
    if isinstance(path, bytes):
        return [name.encode() for name in _files.listdir(path.decode())]
    return _files.listdir('.' if path is None else _system_path('listdir', path, True))


def remove(path, *, dir_fd=None):
    _files.remove(_system_path('remove', path))


def unlink(path, *, dir_fd=None):
    _files.remove(_system_path('unlink', path))


class terminal_size(tuple):
    """os.terminal_size: (columns, lines)."""
    __module__ = 'os'
    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) != 2:
            raise TypeError('os.terminal_size() takes a 2-sequence (' + str(len(items))
                            + '-sequence given)')
        return tuple.__new__(cls, items)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return 'os.terminal_size(columns=' + repr(self[0]) + ', lines=' + repr(self[1]) + ')'


def get_terminal_size(fd=1):
    # pymem's standard streams are never a terminal (CPython: ioctl(TIOCGWINSZ) fails ENOTTY).
    _descriptor('get_terminal_size', fd)
    raise OSError(25, 'Inappropriate ioctl for device')


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _files.rename(_system_path('rename', src), _system_path('rename', dst))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _files.rename(_system_path('replace', src), _system_path('replace', dst))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _files.mkdir(_system_path('mkdir', path), mode)


def rmdir(path, *, dir_fd=None):
    _files.rmdir(_system_path('rmdir', path))


def makedirs(name, mode=0o777, exist_ok=False):
    # The missing ancestors, nearest last, made from the top down: a loop, not recursion, since
    # the depth is the program's.
    missing = []
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail and not path.exists(head):
        missing.append(head)
        head, tail = path.split(head)
    for ancestor in reversed(missing):
        try:
            mkdir(ancestor, mode)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    # A stack of directories still to list; with topdown=False, of results still to give.
    stack = [fspath(top)]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        try:
            names = listdir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        dirs = []
        nondirs = []
        for name in names:
            (dirs if path.isdir(path.join(top, name)) else nondirs).append(name)
        if topdown:
            yield top, dirs, nondirs
        else:
            stack.append((top, dirs, nondirs))
        for name in reversed(dirs):
            stack.append(path.join(top, name))
`;
