import { pythonSourceModule } from "./python-source-module.js";

/**
 * `glob`: pathnames matching a shell pattern — `glob`, `iglob` (with `recursive` `**`,
 * `root_dir` and `include_hidden`), `escape` and `has_magic` — over the interpreter's file
 * system, written in Python that pymem runs at import (pymem's own source, not CPython's
 * Lib/glob.py). Results come in CPython 3.13's order: each directory's names in `os.scandir`
 * order, `**` walking depth first with a directory before what it holds. The walk is a loop, not
 * recursion, so a deep tree does not reach the recursion limit. Patterns are str (pymem's
 * `os.path` is str-only); `dir_fd` is refused (pymem has no directory descriptors); `translate`
 * and the deprecated `glob0`/`glob1` are absent.
 *
 * @module
 */

/** The module's Python source, run at import. */
const GLOB_SOURCE = String.raw`# pymem's glob, written for pymem in Python (not CPython's Lib/glob.py).
import fnmatch as _fnmatch
import os as _os

__all__ = ['escape', 'glob', 'iglob']


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return a list of paths matching a pathname pattern."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return an iterator which yields the paths matching a pathname pattern."""
    if dir_fd is not None:
        raise NotImplementedError("pymem's glob does not support dir_fd")
    root_dir = pathname[:0] if root_dir is None else _os.fspath(root_dir)
    found = _matches(pathname, root_dir, recursive, False, include_hidden)
    # A pattern that is empty or starts with '**' first yields the empty string: dropped.
    if not pathname or recursive and _isrecursive(pathname[:2]):
        return _without_leading_empty(found)
    return found


def _without_leading_empty(found):
    first = next(found, None)
    if first:
        yield first
    yield from found


_MAGIC = frozenset('*?[')


def has_magic(s):
    return any(c in _MAGIC for c in s)


def _ishidden(name):
    return name[0] == '.'


def _isrecursive(pattern):
    return pattern == '**'


def _join(dirname, basename):
    # os.path.join, except that an empty part adds no separator.
    if not dirname or not basename:
        return dirname or basename
    return _os.path.join(dirname, basename)


def _matches(pathname, root_dir, recursive, dironly, include_hidden):
    # CPython: _iglob — the pattern split at its last separator; the directory part, when it has
    # wildcards, matched first (only directories), then the last part inside each match.
    dirname, basename = _os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _os.path.lexists(_join(root_dir, pathname)):
                yield pathname
        elif _os.path.isdir(_join(root_dir, dirname)):
            # A pattern ending in a separator names only directories.
            yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _all_below(root_dir, dironly, include_hidden)
        else:
            yield from _matching_names(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _matches(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    for directory in dirs:
        inside = _join(root_dir, directory)
        if not has_magic(basename):
            names = _literal_name(inside, basename)
        elif recursive and _isrecursive(basename):
            names = _all_below(inside, dironly, include_hidden)
        else:
            names = _matching_names(inside, basename, dironly, include_hidden)
        for name in names:
            yield _os.path.join(directory, name)


def _names(dirname, dironly):
    # The names in dirname in scandir order (only directories when dironly); none when it
    # cannot be listed.
    try:
        with _os.scandir(dirname or '.') as entries:
            names = []
            for entry in entries:
                try:
                    if not dironly or entry.is_dir():
                        names.append(entry.name)
                except OSError:
                    pass
            return names
    except OSError:
        return []


def _matching_names(dirname, pattern, dironly, include_hidden):
    names = _names(dirname, dironly)
    # Hidden names match only a pattern that is hidden itself (or with include_hidden).
    if not (include_hidden or _ishidden(pattern)):
        names = [name for name in names if not _ishidden(name)]
    return _fnmatch.filter(names, pattern)


def _literal_name(dirname, basename):
    if basename:
        return [basename] if _os.path.lexists(_join(dirname, basename)) else []
    return [basename] if _os.path.isdir(dirname) else []


def _all_below(dirname, dironly, include_hidden):
    # '**': the directory itself (as the empty name), then everything below it, depth first,
    # each directory before its contents (CPython: _glob2 and _rlistdir).
    if not dirname or _os.path.isdir(dirname):
        yield dirname[:0]
    # A stack of (relative path, names still to give) per directory being walked.
    stack = [(dirname[:0], iter(_names(dirname, dironly)))]
    while stack:
        prefix, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        if not include_hidden and _ishidden(name):
            continue
        path = _join(prefix, name)
        yield path
        stack.append((path, iter(_names(_join(dirname, path), dironly))))


def escape(pathname):
    """Escape all special characters."""
    drive, pathname = _os.path.splitdrive(pathname)
    return drive + ''.join('[' + c + ']' if c in _MAGIC else c for c in pathname)
`;

/**
 * Builds the `glob` module the first time a script imports it.
 *
 * @example
 * ```ts
 * interpreter.run("import glob\nprint(sorted(glob.glob('**' + '/*.py', recursive=True)))");
 * ```
 */
export const globModule = pythonSourceModule("glob", GLOB_SOURCE);
