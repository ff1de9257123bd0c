import { pythonSourceModule } from "./python-source-module.js";

/**
 * A small `pathlib`: `PurePath` / `PurePosixPath` / `Path` / `PosixPath` with `/` and `joinpath`,
 * `name`, `stem`, `suffix`, `suffixes`, `parent`, `parts`, `with_name`, `with_suffix`,
 * `relative_to`, `is_absolute`, comparison and hashing, and the file-system methods
 * (`exists`, `is_file`, `is_dir`, `stat`, `open`, `read_text`, `write_text`, `read_bytes`,
 * `write_bytes`, `iterdir`, `mkdir`, `rmdir`, `unlink`, `rename`, `cwd`, `absolute`) over `os` and
 * `open()` — written in Python that pymem runs at import (pymem's own source, not CPython's
 * Lib/pathlib). Globbing and `match`, `resolve()` through symlinks and Windows paths are absent.
 *
 * @module
 */

/** The module's Python source, run at import. */
const PATHLIB_SOURCE = String.raw`# pymem's pathlib, written for pymem in Python (not CPython's Lib/pathlib).
import os as _os
import posixpath as _posixpath

__all__ = ['PurePath', 'PurePosixPath', 'Path', 'PosixPath']


class PurePath:
    """A POSIX path as text: joined with /, split into parts, never touching the file system."""
    __slots__ = ('_text',)

    def __new__(cls, *segments):
        if cls is PurePath:
            cls = PurePosixPath
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        text = ''
        for segment in segments:
            if isinstance(segment, PurePath):
                segment = segment._text
            elif not isinstance(segment, str):
                method = getattr(type(segment), '__fspath__', None)
                text = None if method is None else method(segment)
                if not isinstance(text, str):
                    raise TypeError("argument should be a str or an os.PathLike object where __fspath__ "
                                    "returns a str, not " + repr(type(segment if method is None else text).__name__))
                segment = text
            text = _posixpath.join(text, segment) if text else segment
        self._text = self._normalise(text)
        return self

    def __init__(self, *segments):
        pass

    @staticmethod
    def _normalise(text):
        root = '/' if text.startswith('/') else ''
        parts = [part for part in text.split('/') if part and part != '.']
        return (root + '/'.join(parts)) or '.'

    def __str__(self):
        return self._text

    def __fspath__(self):
        return self._text

    def __repr__(self):
        return type(self).__name__ + '(' + repr(self._text) + ')'

    def __hash__(self):
        return hash(self._text)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._text == other._text

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts <= other.parts

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts > other.parts

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self.parts >= other.parts

    def __truediv__(self, other):
        try:
            return type(self)(self, other)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, other):
        try:
            return type(self)(other, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *segments):
        return type(self)(self, *segments)

    @property
    def parts(self):
        if self._text == '.':
            return ()
        if self._text.startswith('/'):
            return ('/',) + tuple(part for part in self._text[1:].split('/') if part)
        return tuple(self._text.split('/'))

    @property
    def root(self):
        return '/' if self._text.startswith('/') else ''

    anchor = root

    @property
    def name(self):
        return '' if self._text in ('.', '/') else self._text.rsplit('/', 1)[-1]

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        return ['.' + suffix for suffix in name.lstrip('.').split('.')[1:]]

    @property
    def suffix(self):
        suffixes = self.suffixes
        return suffixes[-1] if suffixes else ''

    @property
    def stem(self):
        name = self.name
        suffix = self.suffix
        return name[:-len(suffix)] if suffix else name

    @property
    def parent(self):
        if self._text in ('.', '/'):
            return self
        head = self._text.rsplit('/', 1)[0] if '/' in self._text else '.'
        return type(self)(head or '/')

    @property
    def parents(self):
        result = []
        path = self
        while path.parent != path:
            path = path.parent
            result.append(path)
        return tuple(result)

    def is_absolute(self):
        return self._text.startswith('/')

    def with_name(self, name):
        if not self.name:
            raise ValueError(repr(self) + ' has an empty name')
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name ' + repr(name))
        return self.parent / name

    def with_suffix(self, suffix):
        if suffix and (not suffix.startswith('.') or suffix == '.' or '/' in suffix):
            raise ValueError('Invalid suffix ' + repr(suffix))
        if not self.name:
            raise ValueError(repr(self) + ' has an empty name')
        return self.with_name(self.stem + suffix)

    def relative_to(self, other):
        other = type(self)(other)
        if other._text == '.' and not self.is_absolute():
            return self
        parts = self.parts
        prefix = other.parts
        if parts[:len(prefix)] != prefix:
            raise ValueError(repr(str(self)) + ' is not in the subpath of ' + repr(str(other)))
        return type(self)(*parts[len(prefix):])

    def is_relative_to(self, other):
        try:
            self.relative_to(other)
        except ValueError:
            return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()


class Path(PurePath):
    """A path with the file-system methods, over os and open()."""
    __slots__ = ()

    @classmethod
    def cwd(cls):
        return cls(_os.getcwd())

    def absolute(self):
        return self if self.is_absolute() else type(self)(_os.getcwd(), self)

    def stat(self):
        return _os.stat(self._text)

    def exists(self):
        return _posixpath.exists(self._text)

    def is_file(self):
        return _posixpath.isfile(self._text)

    def is_dir(self):
        return _posixpath.isdir(self._text)

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self._text, mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None, newline=None):
        with self.open('r', encoding=encoding, errors=errors, newline=newline) as file:
            return file.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not ' + type(data).__name__)
        with self.open('w', encoding=encoding, errors=errors, newline=newline) as file:
            return file.write(data)

    def read_bytes(self):
        with self.open('rb') as file:
            return file.read()

    def write_bytes(self, data):
        view = bytes(data)
        with self.open('wb') as file:
            return file.write(view)

    def iterdir(self):
        for name in _os.listdir(self._text):
            yield self / name

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if parents:
            _os.makedirs(self._text, mode, exist_ok)
            return
        try:
            _os.mkdir(self._text, mode)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        _os.rmdir(self._text)

    def unlink(self, missing_ok=False):
        try:
            _os.remove(self._text)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        _os.rename(self._text, str(target))
        return type(self)(target)

    def replace(self, target):
        _os.replace(self._text, str(target))
        return type(self)(target)


class PosixPath(Path, PurePosixPath):
    __slots__ = ()
`;

/**
 * Builds the `pathlib` module the first time a script imports it.
 *
 * @example
 * ```ts
 * interpreter.run("from pathlib import Path\nPath('a.txt').write_text('hi')");
 * ```
 */
export const pathlibModule = pythonSourceModule("pathlib", PATHLIB_SOURCE);
