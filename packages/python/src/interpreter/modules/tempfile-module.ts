import { pythonSourceModule } from "./python-source-module.js";

/**
 * `tempfile`: temporary files and directories on the interpreter's file system —
 * `gettempdir` / `gettempdirb` / `tempdir` (CPython's search: `TMPDIR`, `TEMP`, `TMP`, then
 * `/tmp`, `/var/tmp`, `/usr/tmp`, then the working directory, each tried by writing a file),
 * `mkstemp`, `mkdtemp`, `mktemp`, `TemporaryFile`, `NamedTemporaryFile` (`delete`,
 * `delete_on_close`), `TemporaryDirectory` (`cleanup`, `ignore_cleanup_errors`, `delete`, the
 * implicit clean-up warning) and `SpooledTemporaryFile` (in memory until `max_size`, then a
 * `TemporaryFile`). Names are `tmp` plus eight characters drawn from CPython's
 * `_RandomNameSequence` alphabet; files are made with `O_EXCL` and mode 0o600, directories
 * 0o700. Written in Python that pymem runs at import (pymem's own source, not CPython's
 * Lib/tempfile.py). On the default memory file system, which has no `/tmp`, the temporary
 * directory is the working directory, as CPython's search ends there too.
 *
 * @module
 */

/** The module's Python source, run at import. */
const TEMPFILE_SOURCE = String.raw`# pymem's tempfile, written for pymem in Python (not CPython's Lib/tempfile.py).
import functools as _functools
import io as _io
import os as _os
import shutil as _shutil
import warnings as _warnings
import weakref as _weakref
from random import Random as _Random

__all__ = ['NamedTemporaryFile', 'TemporaryFile', 'SpooledTemporaryFile', 'TemporaryDirectory',
           'mkstemp', 'mkdtemp', 'mktemp', 'TMP_MAX', 'gettempprefix', 'tempdir', 'gettempdir',
           'gettempprefixb', 'gettempdirb']

# How many names mkstemp and friends try before giving up (CPython: os.TMP_MAX on Linux).
TMP_MAX = 238328
template = 'tmp'
# The directory gettempdir() found (or a program set).
tempdir = None
# O_RDWR | O_CREAT | O_EXCL: a new file nobody else has opened.
_OPEN_FLAGS = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL


class _RandomNameSequence:
    """An endless supply of eight-character names from CPython's alphabet."""
    characters = 'abcdefghijklmnopqrstuvwxyz0123456789_'

    def __init__(self):
        self._rng = _Random()

    def __iter__(self):
        return self

    def __next__(self):
        return ''.join(self._rng.choices(self.characters, k=8))


_names = None


def _get_candidate_names():
    global _names
    if _names is None:
        _names = _RandomNameSequence()
    return _names


def _candidate_tempdir_list():
    directories = []
    for variable in ('TMPDIR', 'TEMP', 'TMP'):
        value = _os.getenv(variable)
        if value:
            directories.append(value)
    directories.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        directories.append(_os.getcwd())
    except OSError:
        directories.append(_os.curdir)
    return directories


def _get_default_tempdir():
    # The first candidate a file can be made, written and removed in.
    names = _get_candidate_names()
    directories = _candidate_tempdir_list()
    for directory in directories:
        if directory != _os.curdir:
            directory = _os.path.abspath(directory)
        for attempt in range(100):
            filename = _os.path.join(directory, next(names))
            try:
                fd = _os.open(filename, _OPEN_FLAGS, 0o600)
                try:
                    _os.write(fd, b'blat')
                finally:
                    _os.close(fd)
                _os.unlink(filename)
                return directory
            except FileExistsError:
                pass
            except OSError:
                break
    raise FileNotFoundError(2, 'No usable temporary directory found in ' + repr(directories))


def gettempprefix():
    """The default prefix for temporary names, as str."""
    return template


def gettempprefixb():
    """The default prefix for temporary names, as bytes."""
    return _os.fsencode(template)


def gettempdir():
    """The default directory for temporary files, as str."""
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return _os.fsdecode(tempdir)


def gettempdirb():
    """The default directory for temporary files, as bytes."""
    return _os.fsencode(gettempdir())


def _sanitize_params(prefix, suffix, dir):
    # The arguments as str (pymem's os.path works on str), and whether to give bytes back.
    kinds = set()
    for argument in (prefix, suffix, dir):
        if argument is None:
            continue
        if isinstance(argument, _os.PathLike):
            argument = _os.fspath(argument)
        kinds.add(bytes if isinstance(argument, bytes) else str)
    if len(kinds) > 1:
        raise TypeError("Can't mix bytes and non-bytes in path components.")
    as_bytes = bytes in kinds

    def text(value):
        value = _os.fspath(value)
        return _os.fsdecode(value) if isinstance(value, bytes) else value

    suffix = '' if suffix is None else text(suffix)
    prefix = template if prefix is None else text(prefix)
    dir = gettempdir() if dir is None else text(dir)
    return prefix, suffix, dir, as_bytes


def _mkstemp_inner(dir, prefix, suffix, flags):
    names = _get_candidate_names()
    for attempt in range(TMP_MAX):
        file = _os.path.join(dir, prefix + next(names) + suffix)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(file)
    raise FileExistsError(17, 'No usable temporary file name found')


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a new file with a unique name, open for reading and writing; return (fd, path)."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _OPEN_FLAGS)
    return fd, (_os.fsencode(name) if as_bytes else name)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory (mode 0o700) with a unique name; return its absolute path."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    names = _get_candidate_names()
    for attempt in range(TMP_MAX):
        file = _os.path.join(dir, prefix + next(names) + suffix)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        file = _os.path.abspath(file)
        return _os.fsencode(file) if as_bytes else file
    raise FileExistsError(17, 'No usable temporary directory name found')


def mktemp(suffix='', prefix=template, dir=None):
    """A name no file has yet (unsafe: another may take it before you do)."""
    if dir is None:
        dir = gettempdir()
    names = _get_candidate_names()
    for attempt in range(TMP_MAX):
        file = _os.path.join(dir, prefix + next(names) + suffix)
        if not _os.path.lexists(file):
            return file
    raise FileExistsError(17, 'No usable temporary filename found')


def _open_descriptor(fd, name, mode, buffering, newline, encoding, errors):
    # A file object over fd whose name is name (CPython opens through an opener that returns fd).
    try:
        file = _io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding,
                        errors=errors)
    except BaseException:
        _os.close(fd)
        raise
    raw = getattr(file, 'buffer', file)
    raw = getattr(raw, 'raw', raw)
    raw.name = name
    return file


class _TemporaryFileCloser:
    """Closes the file and removes it: on close() when delete_on_close, else at clean-up."""
    cleanup_called = False
    close_called = False

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self.delete = delete
        self.delete_on_close = delete_on_close

    def cleanup(self):
        if not self.cleanup_called:
            self.cleanup_called = True
            try:
                if not self.close_called:
                    self.close_called = True
                    self.file.close()
            finally:
                if self.delete:
                    try:
                        _os.unlink(self.name)
                    except FileNotFoundError:
                        pass

    def close(self):
        if not self.close_called:
            self.close_called = True
            try:
                self.file.close()
            finally:
                if self.delete and self.delete_on_close:
                    self.cleanup()

    def __del__(self):
        self.cleanup()


def _keeping_open(method, closer):
    # The file's method, holding the closer: the file stays open while the method is used
    # after the wrapper itself is gone (f = NamedTemporaryFile().write).
    @_functools.wraps(method)
    def wrapper(*args, **kwargs):
        return method(*args, **kwargs)
    wrapper._closer = closer
    return wrapper


class _TemporaryFileWrapper:
    """What NamedTemporaryFile returns: the file's attributes, plus name, delete and close."""

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self._closer = _TemporaryFileCloser(file, name, delete, delete_on_close)

    def __getattr__(self, name):
        file = self.__dict__['file']
        attribute = getattr(file, name)
        if callable(attribute):
            attribute = _keeping_open(attribute, self._closer)
        if not isinstance(attribute, int):
            setattr(self, name, attribute)
        return attribute

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._closer.cleanup()
        return result

    def close(self):
        self._closer.close()

    def __iter__(self):
        for line in self.file:
            yield line


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None, delete_on_close=True):
    """A temporary file with a name in the file system, removed when closed (delete) or when
    the context ends (delete_on_close=False)."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _OPEN_FLAGS)
    try:
        file = _open_descriptor(fd, name, mode, buffering, newline, encoding, errors)
    except BaseException:
        _os.unlink(name)
        raise
    return _TemporaryFileWrapper(file, name, delete, delete_on_close)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                  prefix=None, dir=None, *, errors=None):
    """A temporary file with no name: made, then unlinked at once (its name attribute is its
    file descriptor)."""
    prefix, suffix, dir, as_bytes = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _OPEN_FLAGS)
    try:
        _os.unlink(name)
    except BaseException:
        _os.close(fd)
        raise
    return _open_descriptor(fd, fd, mode, buffering, newline, encoding, errors)


class SpooledTemporaryFile(_io.IOBase):
    """A file kept in memory (BytesIO, or a TextIOWrapper over one) until it grows past
    max_size or fileno() is asked for, then moved into a TemporaryFile."""
    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1, encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = _io.BytesIO()
        else:
            self._file = _io.TextIOWrapper(_io.BytesIO(), encoding=encoding, errors=errors,
                                           newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering, 'suffix': suffix,
                                   'prefix': prefix, 'encoding': encoding, 'newline': newline,
                                   'dir': dir, 'errors': errors}

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def _check(self, file):
        if self._rolled:
            return
        if self._max_size and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        file = self._file
        new = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        position = file.tell()
        if hasattr(new, 'buffer'):
            new.buffer.write(file.detach().getvalue())
        else:
            new.write(file.getvalue())
        new.seek(position, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError('Cannot enter context with closed file')
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def __del__(self):
        if not self.closed:
            _warnings.warn('Unclosed file ' + repr(self), ResourceWarning, stacklevel=2, source=self)
            self.close()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs['mode']

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def readable(self):
        return self._file.readable()

    def read(self, *args):
        return self._file.read(*args)

    def read1(self, *args):
        return self._file.read1(*args)

    def readinto(self, b):
        return self._file.readinto(b)

    def readinto1(self, b):
        return self._file.readinto1(b)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seekable(self):
        return self._file.seekable()

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def writable(self):
        return self._file.writable()

    def write(self, s):
        file = self._file
        written = file.write(s)
        self._check(file)
        return written

    def writelines(self, iterable):
        file = self._file
        result = file.writelines(iterable)
        self._check(file)
        return result

    def detach(self):
        return self._file.detach()


class TemporaryDirectory:
    """A directory made by mkdtemp, removed with everything in it by cleanup(), at the end of
    a with block, or (with a ResourceWarning) when the object dies."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False, *,
                 delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._delete = delete
        self._finalizer = _weakref.finalize(
            self, self._cleanup, self.name,
            warn_message='Implicitly cleaning up ' + repr(self),
            ignore_errors=self._ignore_cleanup_errors, delete=self._delete)

    @classmethod
    def _rmtree(cls, name, ignore_errors=False, repeated=False):
        def onexc(function, path, error):
            if isinstance(error, PermissionError):
                # Make the path (and its parent) writable again and retry, as CPython does.
                if repeated and path == name:
                    if ignore_errors:
                        return
                    raise
                try:
                    if path != name:
                        _os.chmod(_os.path.dirname(path), 0o700)
                    _os.chmod(path, 0o700)
                    if _os.path.isdir(path) and not _os.path.islink(path):
                        cls._rmtree(path, ignore_errors=ignore_errors, repeated=(path == name))
                    else:
                        _os.unlink(path)
                except FileNotFoundError:
                    pass
            elif isinstance(error, FileNotFoundError):
                pass
            elif not ignore_errors:
                raise
        _shutil.rmtree(name, onexc=onexc)

    @classmethod
    def _cleanup(cls, name, warn_message, ignore_errors=False, delete=True):
        if delete:
            cls._rmtree(name, ignore_errors=ignore_errors)
            _warnings.warn(warn_message, ResourceWarning)

    def __repr__(self):
        return '<' + type(self).__name__ + ' ' + repr(self.name) + '>'

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        if self._finalizer.detach() or _os.path.exists(self.name):
            self._rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
`;

/**
 * Builds the `tempfile` module the first time a script imports it.
 *
 * @example
 * ```ts
 * interpreter.run("import tempfile\nwith tempfile.TemporaryDirectory() as d:\n    print(d)");
 * ```
 */
export const tempfileModule = pythonSourceModule("tempfile", TEMPFILE_SOURCE);
