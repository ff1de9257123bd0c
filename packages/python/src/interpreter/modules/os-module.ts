import { OS_FILE_FUNCTIONS_SOURCE } from "../files/os-file-functions.js";
import type { NativeFunction, NativeModuleFactory } from "../native.js";
import { cIntArgument, expectOneArgument } from "./arguments.js";
import { errnoMessage } from "./errno-module.js";
import { makeAll } from "./module-support.js";

/**
 * Python's `os` as far as it can go without a file system or processes: the path constants and
 * `os.path` (`posixpath`), `environ` (a mapping with CPython's repr, changes visible to
 * `os.path.expanduser`), `getenv`, `putenv`/`unsetenv` through `environ`, `getcwd`, `fspath`,
 * `PathLike` and `name`/`linesep`/`sep`/…, written in Python that pymem runs at import (pymem's
 * own source, not CPython's Lib/os.py). The environment and working directory are the
 * interpreter's `environ` and `cwd` options (the CLI passes the process's). The file and
 * directory functions (`listdir`, `remove`, `stat`, `makedirs`, `walk`, …) use the interpreter's
 * `fileSystem` (files/os-file-functions.ts). Functions that touch processes (`getpid`, …) are
 * absent: a program that calls them stops with AttributeError rather than get a made-up answer.
 *
 * @module
 */

/** The module's Python source, run at import with `_environ_items` given. */
const OS_SOURCE = String.raw`# pymem's os, written for pymem in Python (not CPython's Lib/os.py).
import abc as _abc
import sys as _sys
import posixpath as path
from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull

_sys.modules['os.path'] = path
name = 'posix'
linesep = '\n'


class _Environ(dict):
    """os.environ: str keys and values only, repr environ({...})."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not ' + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not ' + type(value).__name__)
        dict.__setitem__(self, key, value)

    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]


environ = _Environ(_environ_items)
del _environ_items


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


class PathLike(_abc.ABC):
    """Abstract base class for objects with a file system path (__fspath__)."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    method = getattr(type(path), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(path).__name__)
    result = method(path)
    if not isinstance(result, (str, bytes)):
        raise TypeError('expected ' + type(path).__name__ + '.__fspath__() to return str or bytes, not '
                        + type(result).__name__)
    return result
`;

/**
 * The `os` module, made with the interpreter's working directory and environment.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ environ: { HOME: "/home/ada" } });
 * interpreter.run("import os\nprint(os.path.expanduser('~/x'))"); // /home/ada/x
 * ```
 */
export const osModule: NativeModuleFactory = (context) => {
  const heap = context.heap;
  const items = heap.newList();
  try {
    for (const [name, value] of Object.entries(context.environ)) {
      const [key, text] = makeAll(context, [() => heap.newStr(name), () => heap.newStr(value)]);
      try {
        const pair = heap.newTuple([key!, text!]);
        heap.listAppend(items, pair);
        context.release(pair);
      } finally {
        context.release(key!);
        context.release(text!);
      }
    }
    const strerror = context.newBuiltinFunction("strerror", strerrorFunction);
    try {
      return context.runModuleSource("os", OS_SOURCE + OS_FILE_FUNCTIONS_SOURCE, [
        ["_environ_items", items],
        ["strerror", strerror],
      ]);
    } finally {
      context.release(strerror);
    }
  } finally {
    context.release(items);
  }
};

/** `os.strerror(code)` (CPython: os_strerror_impl). */
const strerrorFunction: NativeFunction = (context, args, keywords) => {
  const code = cIntArgument(context, expectOneArgument(context, "strerror", args, keywords));
  return context.heap.newStr(errnoMessage(code));
};

/**
 * `os.path`: the `posixpath` module `import os` installed (importing `os.path` imports `os`
 * first, which stores it in `sys.modules`).
 *
 * @example
 * ```ts
 * interpreter.run("import os.path\nprint(os.path.join('a', 'b'))"); // a/b
 * ```
 */
export const osPathModule: NativeModuleFactory = (context) => {
  const holder = context.runModuleSource("_os_path", "import posixpath as path\n", []);
  try {
    return context.getAttribute(holder, "path");
  } finally {
    context.release(holder);
  }
};
