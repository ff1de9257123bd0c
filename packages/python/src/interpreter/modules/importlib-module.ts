import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `importlib`, the part programs call (pymem's own source, not CPython's
 * Lib/importlib): `import_module` and `reload`, both over `sys.modules` and `__import__`, and
 * `invalidate_caches` (pymem's modules are built in, so there is nothing to invalidate).
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
        raise ImportError('attempted relative import with no known parent package')
    __import__(name)
    return sys.modules[name]


def reload(module):
    """Run a module's code again, in the same module object, and return it."""
    if not isinstance(module, type(sys)):
        raise TypeError('reload() argument must be a module')
    name = module.__name__
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name} not in sys.modules', name=name)
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
    """Nothing to do: pymem's modules are built in."""
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
