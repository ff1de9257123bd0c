import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `importlib`, the part programs call (pymem's own source, not CPython's
 * Lib/importlib): `import_module` (relative names too) and `reload` (a file's module runs its
 * file again in its own namespace), both over `sys.modules` and `__import__`, and
 * `invalidate_caches` (pymem keeps no directory caches, so there is nothing to invalidate).
 *
 * @module
 */

/** The module's Python source, run at import. */
const IMPORTLIB_SOURCE = `# pymem's importlib, written for pymem in Python (not CPython's Lib/importlib source).
import sys


def import_module(name, package=None):
    """Import a module by name and return it (the module, not its top-level package)."""
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        level = len(name) - len(name.lstrip('.'))
        bits = package.rsplit('.', level - 1)
        if len(bits) < level:
            raise ImportError('attempted relative import beyond top-level package')
        rest = name[level:]
        name = f'{bits[0]}.{rest}' if rest else bits[0]
    __import__(name)
    return sys.modules[name]


def reload(module):
    """Run a module's code again, in the same module object, and return it."""
    if not isinstance(module, type(sys)):
        raise TypeError('reload() argument must be a module')
    name = module.__name__
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name} not in sys.modules', name=name)
    spec = getattr(module, '__spec__', None)
    if spec is not None and getattr(spec, 'origin', None) not in (None, 'built-in'):
        # A module from a file: find it again and run the file in the module's namespace.
        from importlib.util import _find_spec
        parent_name = name.rpartition('.')[0]
        path = None
        if parent_name:
            try:
                path = sys.modules[parent_name].__path__
            except KeyError:
                raise ImportError(f'parent {parent_name!r} not in sys.modules',
                                  name=parent_name) from None
        spec = _find_spec(name, path)
        if spec is None:
            raise ModuleNotFoundError(f'spec not found for the module {name!r}', name=name)
        module.__spec__ = spec
        module.__loader__ = spec.loader
        if spec.has_location:
            module.__file__ = spec.origin
            module.__cached__ = spec.cached
        spec.loader.exec_module(module)
        module = sys.modules.pop(name)
        sys.modules[name] = module
        return module
    del sys.modules[name]
    try:
        __import__(name)
        fresh = sys.modules[name]
    except BaseException:
        sys.modules[name] = module
        raise
    # CPython runs the code again in the module's own namespace: names it does not define
    # again keep their old values, the others are replaced.
    module.__dict__.update(fresh.__dict__)
    sys.modules[name] = module
    return module


def invalidate_caches():
    """Nothing to do: pymem reads directories afresh on each import."""
`;

/**
 * `import importlib`.
 *
 * @example
 * ```ts
 * interpreter.run("import importlib\nprint(importlib.import_module('json').dumps([1]))");
 * ```
 */
export const importlibModule = pythonSourceModule("importlib", IMPORTLIB_SOURCE);
