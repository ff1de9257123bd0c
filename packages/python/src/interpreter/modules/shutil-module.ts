import { pythonSourceModule } from "./python-source-module.js";

/**
 * `shutil`: high-level file operations over the interpreter's file system — `copyfileobj`,
 * `copyfile`, `copymode`, `copystat`, `copy`, `copy2`, `copytree` (`ignore`,
 * `ignore_patterns`, `dirs_exist_ok`, `copy_function`, errors gathered into `shutil.Error`),
 * `rmtree` (`ignore_errors`, `onexc`, `onerror`, removing in CPython's order and naming the
 * failing `os` function), `move` (rename, else copy and remove), `which`, `disk_usage` and
 * `get_terminal_size`, with CPython 3.13's exceptions and messages (`SameFileError`, `Error`,
 * `Directory does not exist: …`). Written in Python that pymem runs at import (pymem's own
 * source, not CPython's Lib/shutil.py). Symbolic links, extended attributes, owners and
 * archives (`chown`, `make_archive`, `unpack_archive`) are absent: pymem's file systems have
 * none of them.
 *
 * @module
 */

/** The module's Python source, run at import. */
const SHUTIL_SOURCE = String.raw`# pymem's shutil, written for pymem in Python (not CPython's Lib/shutil.py).
import collections as _collections
import fnmatch as _fnmatch
import os as _os
import stat as _stat_module

__all__ = ['copyfileobj', 'copyfile', 'copymode', 'copystat', 'copy', 'copy2', 'copytree', 'move',
           'rmtree', 'Error', 'SpecialFileError', 'ExecError', 'disk_usage', 'ignore_patterns',
           'chown', 'which', 'get_terminal_size', 'SameFileError']

# How much copyfileobj reads at a time (CPython: 64 KiB off Windows).
COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which is
    not supported on a special file (e.g. a named pipe)"""


class ExecError(OSError):
    """Raised when a command could not be executed"""


class ReadError(OSError):
    """Raised when an archive cannot be read"""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving
    and unpacking registries fails"""


def copyfileobj(fsrc, fdst, length=0):
    """copy data from file-like object fsrc to file-like object fdst"""
    if not length:
        length = COPY_BUFSIZE
    read = fsrc.read
    write = fdst.write
    while True:
        chunk = read(length)
        if not chunk:
            break
        write(chunk)


def _stat(path):
    return path.stat() if isinstance(path, _os.DirEntry) else _os.stat(path)


def _samefile(src, dst):
    try:
        if isinstance(src, _os.DirEntry):
            return _os.path.samestat(src.stat(), _os.stat(dst))
        return _os.path.samefile(src, dst)
    except OSError:
        return False


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy data from src to dst in the most efficient way possible."""
    if _samefile(src, dst):
        raise SameFileError('{!r} and {!r} are the same file'.format(src, dst))
    with open(src, 'rb') as source:
        try:
            with open(dst, 'wb') as destination:
                copyfileobj(source, destination)
        except IsADirectoryError as error:
            # CPython (gh-87405): a destination whose folder is missing says so.
            if not _os.path.exists(dst):
                raise FileNotFoundError(f'Directory does not exist: {dst}') from error
            raise
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copy mode bits from src to dst."""
    _os.chmod(dst, _stat_module.S_IMODE(_stat(src).st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    """Copy the access and modification times and the mode bits from src to dst."""
    status = _stat(src)
    _os.utime(dst, ns=(status.st_atime_ns, status.st_mtime_ns))
    _os.chmod(dst, _stat_module.S_IMODE(status.st_mode))


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and mode bits ("cp src dst"). Return the file's destination."""
    if _os.path.isdir(dst):
        dst = _os.path.join(dst, _os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copy data and metadata. Return the file's destination."""
    if _os.path.isdir(dst):
        dst = _os.path.join(dst, _os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """Function that can be used as copytree() ignore parameter."""
    def _ignore_patterns(path, names):
        ignored = []
        for pattern in patterns:
            ignored.extend(_fnmatch.filter(names, pattern))
        return set(ignored)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy a directory tree and return the destination directory."""
    with _os.scandir(src) as entries:
        entries = list(entries)
    ignored = ignore(_os.fspath(src), [entry.name for entry in entries]) if ignore is not None else set()
    _os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    # copy and copy2 take the DirEntry itself (its stat is already known).
    pass_entry = copy_function is copy2 or copy_function is copy
    for entry in entries:
        if entry.name in ignored:
            continue
        source = _os.path.join(src, entry.name)
        destination = _os.path.join(dst, entry.name)
        try:
            if entry.is_dir():
                copytree(entry if pass_entry else source, destination, symlinks, ignore,
                         copy_function, ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(entry if pass_entry else source, destination)
        except Error as error:
            # A subtree's failures join this one's, and the copy goes on.
            errors.extend(error.args[0])
        except OSError as why:
            errors.append((source, destination, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def _rmtree(path, onexc):
    # CPython: _rmtree_safe_fd's order without descriptors — a stack of (function, path, entry):
    # a directory is checked (os.lstat), its removal (os.rmdir) pushed, its files unlinked in
    # scandir order and its subdirectories pushed above that (so the last is walked first).
    # A failure is passed to onexc with the os function that failed and the path.
    stack = [(_os.lstat, path, None)]
    while stack:
        function, name, entry = stack.pop()
        try:
            if function is _os.rmdir:
                _os.rmdir(name)
                continue
            _os.lstat(name)
            # Its removal is due even when it cannot be listed (a file: two reports, as CPython).
            stack.append((_os.rmdir, name, entry))
            function = _os.scandir
            with _os.scandir(name) as found:
                entries = list(found)
            for child in entries:
                full = _os.path.join(name, child.name)
                try:
                    if child.is_dir():
                        stack.append((_os.lstat, full, child))
                        continue
                except OSError:
                    pass
                try:
                    _os.unlink(full)
                except FileNotFoundError:
                    continue
                except OSError as error:
                    onexc(_os.unlink, full, error)
        except FileNotFoundError as error:
            # A subdirectory gone meanwhile is no error; the tree's root missing is.
            if entry is None or function is _os.rmdir:
                error.filename = name
                onexc(function, name, error)
        except OSError as error:
            error.filename = name
            onexc(function, name, error)


def rmtree(path, ignore_errors=False, onerror=None, *, onexc=None, dir_fd=None):
    """Recursively delete a directory tree."""
    if dir_fd is not None:
        raise NotImplementedError("pymem's shutil.rmtree does not support dir_fd")
    if ignore_errors:
        def onexc(*args):
            pass
    elif onexc is None:
        if onerror is None:
            def onexc(*args):
                raise
        else:
            def onexc(function, path, error):
                return onerror(function, path, (type(error), error, error.__traceback__))
    if isinstance(path, bytes):
        path = _os.fsdecode(path)
    _rmtree(_os.fspath(path), onexc)


# Whether rmtree resists symlink attacks (it follows no links: pymem's file systems hold none).
rmtree.avoids_symlink_attacks = True


def _basename(path):
    # The last component, ignoring trailing separators ('a/b/' -> 'b').
    return _os.path.basename(_os.fspath(path).rstrip(_os.path.sep))


def _destinsrc(src, dst):
    src = _os.path.abspath(src)
    dst = _os.path.abspath(dst)
    if not src.endswith(_os.path.sep):
        src += _os.path.sep
    if not dst.endswith(_os.path.sep):
        dst += _os.path.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Recursively move a file or directory to another location (os.rename, else a copy and
    a removal). Return the destination."""
    real_dst = dst
    if _os.path.isdir(dst):
        if _samefile(src, dst):
            _os.rename(src, dst)
            return
        real_dst = _os.path.join(dst, _basename(src))
        if _os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        _os.rename(src, real_dst)
    except OSError:
        if _os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            _os.unlink(src)
    return real_dst


_ntuple_diskusage = _collections.namedtuple('usage', 'total used free')
_ntuple_diskusage.__module__ = 'shutil'


def disk_usage(path):
    """Return disk usage statistics about the given path as a (total, used, free) namedtuple."""
    import _pymem_files
    return _ntuple_diskusage(*_pymem_files.usage(_os.fspath(path)))


def chown(path, user=None, group=None, *, dir_fd=None, follow_symlinks=True):
    """Change owner user and group of the given path (pymem's file systems keep no owners)."""
    if user is None and group is None:
        raise ValueError('user and/or group must be set')
    raise NotImplementedError("pymem's file systems keep no file owners")


def get_terminal_size(fallback=(80, 24)):
    """The terminal's size from COLUMNS and LINES, else the terminal's, else fallback."""
    try:
        columns = int(_os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(_os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = _os.get_terminal_size(1)
        except (AttributeError, ValueError, OSError):
            size = _os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return _os.terminal_size((columns, lines))


def _access_check(name, mode):
    return _os.path.exists(name) and _os.access(name, mode) and not _os.path.isdir(name)


def which(cmd, mode=_os.F_OK | _os.X_OK, path=None):
    """The path of the executable cmd would run (searching PATH), or None."""
    dirname, cmd = _os.path.split(_os.fspath(cmd))
    if dirname:
        # A command with a directory part is looked up there, not along PATH.
        path = [dirname]
    else:
        if path is None:
            path = _os.environ.get('PATH', None)
            if path is None:
                path = _os.defpath
        # An empty PATH finds nothing (PATH=':' searches the working directory).
        if not path:
            return None
        path = _os.fspath(path).split(_os.pathsep)
    seen = set()
    for directory in path:
        if directory not in seen:
            seen.add(directory)
            name = _os.path.join(directory, cmd)
            if _access_check(name, mode):
                return name
    return None
`;

/**
 * Builds the `shutil` module the first time a script imports it.
 *
 * @example
 * ```ts
 * interpreter.run("import shutil\nshutil.copytree('src', 'backup')");
 * ```
 */
export const shutilModule = pythonSourceModule("shutil", SHUTIL_SOURCE);
