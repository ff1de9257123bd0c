import type { Ptr } from "@pymem/core";
import { type Heap, ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction } from "../native.js";
import { pythonSourceModuleWithNatives } from "./python-source-module.js";

/**
 * `importlib.machinery`: the spec and loader objects `import` gives modules it finds in files
 * (CPython: `ModuleSpec`, `SourceFileLoader`, `NamespaceLoader`, `module_from_spec`'s
 * `_init_module_attrs`), and the finders' entry points (`PathFinder`, `BuiltinImporter`).
 * pymem's own Python, not CPython's Lib/importlib; the path search itself is the interpreter's
 * (path-finder.ts), reached through `_find_module`.
 *
 * @module
 */

/** The module's Python source, run at import. */
const MACHINERY_SOURCE = `# pymem's importlib.machinery, written for pymem in Python (not CPython's Lib/importlib source).
import sys

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []


def all_suffixes():
    """The file name suffixes of the modules the path finder loads."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


def _cache_from_source(path):
    head, _, tail = path.rpartition('/')
    base, dot, rest = tail.rpartition('.')
    stem = base if dot else rest
    return f'{head}/__pycache__/{stem}.cpython-313.pyc'


class ModuleSpec:
    """What the import system knows of a module: its name, loader, origin and search locations."""

    __module__ = '_frozen_importlib'

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        parts = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            parts.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            parts.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f"{type(self).__name__}({', '.join(parts)})"

    def __eq__(self, other):
        try:
            return (self.name == other.name and self.loader == other.loader
                    and self.origin == other.origin
                    and self.submodule_search_locations == other.submodule_search_locations
                    and self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            if self.origin.endswith('.py'):
                self._cached = _cache_from_source(self.origin)
            elif self.origin.endswith('.pyc'):
                self._cached = self.origin
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class SourceFileLoader:
    """Loads the module \`name\` from the Python source file \`path\`."""

    __module__ = '_frozen_importlib_external'

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as file:
            return file.read()

    def get_source(self, fullname):
        text = self.get_data(self.path).decode('utf-8')
        return text.replace('\\r\\n', '\\n').replace('\\r', '\\n')

    def get_code(self, fullname):
        return compile(self.get_data(self.path), self.path, 'exec', dont_inherit=True)

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(self.get_code(module.__name__), module.__dict__)


class NamespaceLoader:
    """The loader of a namespace package (PEP 420): there is no code to run."""

    __module__ = '_frozen_importlib_external'

    def __init__(self, name, path, path_finder):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return compile('', '<string>', 'exec', dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


class BuiltinImporter:
    """Finds the modules built into the interpreter (\`sys.builtin_module_names\`)."""

    __module__ = '_frozen_importlib'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None or fullname not in sys.builtin_module_names:
            return None
        return ModuleSpec(fullname, cls, origin='built-in')


class PathFinder:
    """Finds modules in the directories of \`sys.path\` or of a package's \`__path__\`."""

    __module__ = '_frozen_importlib_external'

    @staticmethod
    def invalidate_caches():
        pass

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None:
            path = sys.path
        found = _find_module(fullname, [entry for entry in path if isinstance(entry, str)])
        if found is None:
            return None
        kind, origin, locations = found
        if kind == 'library':
            return ModuleSpec(fullname, BuiltinImporter, origin='built-in')
        if kind == 'namespace':
            spec = ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = locations
            return spec
        return _file_spec(fullname, origin, locations)


def _file_spec(name, origin, locations):
    spec = ModuleSpec(name, SourceFileLoader(name, origin), origin=origin)
    spec._set_fileattr = True
    spec.submodule_search_locations = locations
    return spec


def module_from_spec(spec):
    """A new module for \`spec\`, its import attributes set (\`__spec__\`, \`__loader__\`, …)."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also define create_module()')
    if module is None:
        module = type(sys)(spec.name)
    if getattr(module, '__name__', None) is None:
        module.__name__ = spec.name
    if getattr(module, '__loader__', None) is None:
        loader = spec.loader
        if loader is None and spec.submodule_search_locations is not None:
            loader = NamespaceLoader(spec.name, spec.submodule_search_locations, PathFinder)
            spec.loader = loader
            module.__file__ = None
        module.__loader__ = loader
    if getattr(module, '__package__', None) is None:
        module.__package__ = spec.parent
    module.__spec__ = spec
    if getattr(module, '__path__', None) is None and spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        if getattr(module, '__file__', None) is None:
            module.__file__ = spec.origin
        if getattr(module, '__cached__', None) is None and spec.cached is not None:
            module.__cached__ = spec.cached
    return module


def _file_module(name, origin, location):
    return module_from_spec(_file_spec(name, origin, None if location is None else [location]))


def _namespace_module(name, locations):
    spec = ModuleSpec(name, None, is_package=True)
    spec.submodule_search_locations = locations
    return module_from_spec(spec)
`;

/** `_find_module(fullname, entries)`: the interpreter's path search, as a tuple or None. */
const findModuleNative: NativeFunction = (context, args) => {
  const heap = context.heap;
  const [fullname, entries] = args;
  if (fullname === undefined || entries === undefined || !isStr(heap, fullname))
    return context.raise("TypeError", "_find_module() takes a module name and a list of paths");
  const paths: string[] = [];
  context.iterate(entries, (entry) => {
    if (isStr(heap, entry)) paths.push(heap.strValue(entry));
    return true;
  });
  const found = context.findModule(heap.strValue(fullname), paths);
  if (found === undefined) return context.newReference(heap.none);
  const locations =
    found.kind === "namespace"
      ? found.locations
      : found.kind === "source" && found.location !== undefined
        ? [found.location]
        : undefined;
  // Made one by one, so a MemoryError part-way releases what was made.
  const items: Ptr[] = [];
  try {
    items.push(heap.newStr(found.kind));
    items.push(
      found.kind === "source" ? heap.newStr(found.origin) : context.newReference(heap.none),
    );
    items.push(
      locations === undefined ? context.newReference(heap.none) : newStrList(context, locations),
    );
    return heap.newTuple(items);
  } finally {
    for (const item of items) context.release(item);
  }
};

/** A new list of new strs. */
function newStrList(context: NativeContext, texts: readonly string[]): Ptr {
  const strs: Ptr[] = [];
  try {
    for (const text of texts) strs.push(context.heap.newStr(text));
    return context.heap.newList(strs);
  } finally {
    for (const str of strs) context.release(str);
  }
}

/** Whether `obj` is a str (or a str subclass instance). */
function isStr(heap: Heap, obj: Ptr): boolean {
  return heap.kindOf(obj) === ObjectKind.STR;
}

/**
 * `import importlib.machinery` (also what `import` uses to make the module objects of files).
 *
 * @example
 * ```ts
 * interpreter.run("import importlib.machinery as m\nprint(m.SOURCE_SUFFIXES)");
 * ```
 */
export const importlibMachineryModule = pythonSourceModuleWithNatives(
  "importlib.machinery",
  MACHINERY_SOURCE,
  { _find_module: findModuleNative },
);
