import { POSIXPATH_FILE_FUNCTIONS_SOURCE } from "../files/os-file-functions.js";
import type { NativeModuleFactory } from "../native.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * `posixpath`, which `os.path` is: the pure path functions of CPython 3.13's POSIX path module
 * (`join`, `split`, `splitext`, `basename`, `dirname`, `normpath`, `abspath`, `relpath`,
 * `commonprefix`, `commonpath`, `expanduser`, `expandvars`, `splitroot`, …), written in Python
 * that pymem runs at import (pymem's own source, not CPython's Lib/posixpath.py), and the
 * queries that ask the interpreter's file system (`exists`, `isfile`, `isdir`, `getsize`, …:
 * files/os-file-functions.ts).
 *
 * @module
 */

/** The module's Python source, run at import. */
const POSIXPATH_SOURCE = String.raw`# pymem's posixpath, written for pymem in Python (not CPython's Lib/posixpath.py).
__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'splitroot', 'split', 'splitext',
           'basename', 'dirname', 'commonprefix', 'expanduser', 'expandvars', 'normpath',
           'abspath', 'curdir', 'pardir', 'sep', 'pathsep', 'defpath', 'altsep', 'extsep',
           'devnull', 'relpath', 'commonpath']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'


def _text(path):
    # CPython: os.fspath — str, or an object whose __fspath__ gives one.
    if isinstance(path, str):
        return path
    method = getattr(type(path), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(path).__name__)
    result = method(path)
    if not isinstance(result, str):
        raise TypeError('expected ' + type(path).__name__ + '.__fspath__() to return str or bytes, not '
                        + type(result).__name__)
    return result


def _joinable(function, paths):
    for path in paths:
        if not isinstance(path, str) and getattr(type(path), '__fspath__', None) is None:
            raise TypeError(function + '() argument must be str, bytes, or os.PathLike object, not '
                            + repr(type(path).__name__))


def normcase(s):
    return _text(s)


def isabs(s):
    return _text(s).startswith(sep)


def join(a, *p):
    _joinable('join', (a,) + p)
    path = _text(a)
    for part in map(_text, p):
        if part.startswith(sep):
            path = part
        elif not path or path.endswith(sep):
            path += part
        else:
            path += sep + part
    return path


def _head_and_tail(p):
    cut = p.rfind(sep) + 1
    head, tail = p[:cut], p[cut:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def split(p):
    return _head_and_tail(_text(p))


def splitext(p):
    p = _text(p)
    last_sep = p.rfind(sep)
    last_dot = p.rfind(extsep)
    if last_dot > last_sep:
        # A leading run of dots is part of the name (".bashrc" has no extension).
        for character in p[last_sep + 1:last_dot]:
            if character != extsep:
                return p[:last_dot], p[last_dot:]
    return p, p[:0]


def splitdrive(p):
    p = _text(p)
    return p[:0], p


def splitroot(p):
    p = _text(p)
    if not p.startswith(sep):
        return '', '', p
    if not p.startswith(sep * 2) or p.startswith(sep * 3):
        return '', sep, p[1:]
    return '', p[:2], p[2:]


def basename(p):
    return _head_and_tail(_text(p))[1]


def dirname(p):
    return _head_and_tail(_text(p))[0]


def normpath(path):
    path = _text(path)
    if path == '':
        return curdir
    _, initial, rest = splitroot(path)
    parts = []
    for part in rest.split(sep):
        if part == '' or part == curdir:
            continue
        if part != pardir or (not initial and not parts) or (parts and parts[-1] == pardir):
            parts.append(part)
        elif parts:
            parts.pop()
    return (initial + sep.join(parts)) or curdir


def abspath(path):
    path = _text(path)
    if not isabs(path):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


def relpath(path, start=None):
    path = _text(path)
    if not path:
        raise ValueError('no path specified')
    start = curdir if start is None else _text(start)
    start_parts = [part for part in abspath(start).split(sep) if part]
    path_parts = [part for part in abspath(path).split(sep) if part]
    common = len(commonprefix([start_parts, path_parts]))
    parts = [pardir] * (len(start_parts) - common) + path_parts[common:]
    return join(*parts) if parts else curdir


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_text, m))
    low = min(m)
    high = max(m)
    for i, item in enumerate(low):
        if item != high[i]:
            return low[:i]
    return low


def commonpath(paths):
    paths = tuple(map(_text, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    absolute = {path.startswith(sep) for path in paths}
    if len(absolute) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[part for part in path.split(sep) if part and part != curdir] for path in paths]
    common = commonprefix(split_paths)
    return (sep if absolute.pop() else '') + sep.join(common)


def expanduser(path):
    path = _text(path)
    if not path.startswith('~'):
        return path
    end = path.find(sep, 1)
    if end < 0:
        end = len(path)
    if end != 1:
        return path  # ~user: pymem has no password database
    import os
    home = os.environ.get('HOME')
    if home is None:
        return path
    home = home.rstrip(sep)
    return (home + path[end:]) or sep


def expandvars(path):
    path = _text(path)
    if '$' not in path:
        return path
    import os
    result = []
    i = 0
    while i < len(path):
        character = path[i]
        if character != '$':
            result.append(character)
            i += 1
            continue
        if path.startswith('{', i + 1):
            end = path.find('}', i + 2)
            name = path[i + 2:end] if end >= 0 else ''
            after = end + 1
        else:
            end = i + 1
            while end < len(path) and (path[end].isalnum() or path[end] == '_'):
                end += 1
            name = path[i + 1:end]
            after = end
        if name and name in os.environ:
            result.append(os.environ[name])
        else:
            result.append(path[i:after] if name else character)
        i = after if name else i + 1
    return ''.join(result)
`;

/**
 * The `posixpath` module, which `os.path` is.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ cwd: "/home" });
 * interpreter.run("import os.path\nprint(os.path.abspath('a/../b'))"); // /home/b
 * ```
 */
export const posixpathModule: NativeModuleFactory = pythonSourceModule(
  "posixpath",
  POSIXPATH_SOURCE + POSIXPATH_FILE_FUNCTIONS_SOURCE,
);
