import { pythonSourceModule } from "./python-source-module.js";

/**
 * `importlib.util`: finding a module's spec without importing it, loading a file as a module
 * by path (`spec_from_file_location` + `module_from_spec` + `spec.loader.exec_module`), name
 * resolution and the cache paths. pymem's own Python, not CPython's Lib/importlib.
 *
 * @module
 */

/** The module's Python source, run at import. */
const UTIL_SOURCE = `# pymem's importlib.util, written for pymem in Python (not CPython's Lib/importlib source).
import sys
from importlib.machinery import (
    BuiltinImporter, ModuleSpec, PathFinder, SOURCE_SUFFIXES, SourceFileLoader,
    _cache_from_source, module_from_spec,
)

MAGIC_NUMBER = (3571).to_bytes(2, 'little') + b'\\r\\n'
_POPULATE = object()


def cache_from_source(path, debug_override=None, *, optimization=None):
    """The path of the bytecode file CPython 3.13 would cache for the source file \`path\`."""
    return _cache_from_source(path)


def source_from_cache(path):
    """The source file a \`__pycache__\` bytecode path was compiled from."""
    head, _, filename = path.rpartition('/')
    parent, _, pycache = head.rpartition('/')
    if pycache != '__pycache__':
        raise ValueError(f'__pycache__ not bottom-level directory in {path!r}')
    dots = filename.count('.')
    if dots not in {2, 3}:
        raise ValueError(f'expected only 2 or 3 dots in {filename!r}')
    stem = filename.partition('.')[0]
    return f'{parent}/{stem}{SOURCE_SUFFIXES[0]}'


def decode_source(source_bytes):
    """Source bytes as text with universal newlines."""
    text = bytes(source_bytes).decode('utf-8')
    return text.replace('\\r\\n', '\\n').replace('\\r', '\\n')


def resolve_name(name, package):
    """The absolute name of \`name\`, relative (leading dots) to \`package\`."""
    if not name.startswith('.'):
        return name
    if not package:
        raise ImportError(f'no package specified for {name!r} (required for relative module names)')
    level = len(name) - len(name.lstrip('.'))
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    rest = name[level:]
    return f'{base}.{rest}' if rest else base


def _find_spec(name, path):
    spec = BuiltinImporter.find_spec(name, path)
    if spec is None:
        spec = PathFinder.find_spec(name, path)
    return spec


def find_spec(name, package=None):
    """The spec of the module \`name\` (the loaded module's own if it is in sys.modules), or None."""
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname not in sys.modules:
        parent_name = fullname.rpartition('.')[0]
        parent_path = None
        if parent_name:
            parent = __import__(parent_name, fromlist=['__path__'])
            try:
                parent_path = parent.__path__
            except AttributeError as e:
                raise ModuleNotFoundError(
                    f'__path__ attribute not found on {parent_name!r} while trying to find {fullname!r}',
                    name=fullname) from e
        return _find_spec(fullname, parent_path)
    module = sys.modules[fullname]
    if module is None:
        return None
    try:
        spec = module.__spec__
    except AttributeError:
        raise ValueError(f'{name}.__spec__ is not set') from None
    if spec is None:
        raise ValueError(f'{name}.__spec__ is None')
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for \`name\` loaded by \`loader\`."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        locations = [] if is_package else None
        return spec_from_file_location(name, loader=loader, submodule_search_locations=locations)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for the module \`name\` in the file \`location\` (None for a suffix no loader reads)."""
    if location is None:
        location = '<unknown>'
        if hasattr(loader, 'get_filename'):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        import os
        location = os.path.abspath(os.fspath(location))
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        if not location.endswith(tuple(SOURCE_SUFFIXES)):
            return None
        loader = SourceFileLoader(name, location)
        spec.loader = loader
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, 'is_package'):
            try:
                if loader.is_package(name):
                    spec.submodule_search_locations = []
            except ImportError:
                pass
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == [] and location:
        spec.submodule_search_locations.append(location.rpartition('/')[0])
    return spec
`;

/**
 * `import importlib.util`.
 *
 * @example
 * ```ts
 * interpreter.run("import importlib.util\nspec = importlib.util.spec_from_file_location('m', 'm.py')");
 * ```
 */
export const importlibUtilModule = pythonSourceModule("importlib.util", UTIL_SOURCE);
