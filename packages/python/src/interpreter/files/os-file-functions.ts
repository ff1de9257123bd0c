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

__all__ += ['exists', 'lexists', 'isfile', 'isdir', 'getsize', 'getmtime']


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
    # (is_directory, size, mtime) of what is at path.
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
        return _status(s)[0]
    except (OSError, ValueError):
        return False


def getsize(filename):
    return _status(filename)[1]


def getmtime(filename):
    return _status(filename)[2]
`;

/** Appended to `os`: the file and directory functions. */
export const OS_FILE_FUNCTIONS_SOURCE = String.raw`
import _pymem_files as _files
from posixpath import _system_path


class stat_result(tuple):
    """os.stat_result, as far as pymem's file systems fill it: mode, size and times."""
    __module__ = 'os'
    _FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
               'st_atime', 'st_mtime', 'st_ctime')
    n_sequence_fields = 10

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self[7])
    st_mtime = property(lambda self: self[8])
    st_ctime = property(lambda self: self[9])

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(name + '=' + repr(value)
                                             for name, value in zip(self._FIELDS, self)) + ')'


def stat(path, *, dir_fd=None, follow_symlinks=True):
    is_directory, size, modified = _files.stat(_system_path('stat', path, True))
    # S_IFDIR | 0o755 or S_IFREG | 0o644, the modes a fresh directory or file gets under umask 022.
    mode = 0o40755 if is_directory else 0o100644
    return stat_result((mode, 0, 0, 1, 0, 0, size, int(modified), int(modified), int(modified)))


lstat = stat


def listdir(path=None):
    return _files.listdir('.' if path is None else _system_path('listdir', path, True))


def remove(path, *, dir_fd=None):
    _files.remove(_system_path('remove', path))


unlink = remove


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _files.rename(_system_path('rename', src), _system_path('rename', dst))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _files.rename(_system_path('replace', src), _system_path('replace', dst))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _files.mkdir(_system_path('mkdir', path))


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
