import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import type { Machine } from "./machine.js";
import { whenDisposed } from "./modules/module-support.js";
import { getAttribute } from "./object-access.js";

/**
 * CPython's `mappingproxy` (Objects/descrobject.c): the read-only view `type.__dict__` returns
 * and `types.MappingProxyType` makes. Reads go to the mapping it wraps, so `C.__dict__` stays
 * live as the class changes; item assignment and deletion raise CPython's TypeErrors. The class
 * is written in Python, so subscription, `in`, `len`, iteration and `dict(proxy)` go through
 * the ordinary protocols, and is made the first time an interpreter asks for it.
 *
 * @module
 */

const MAPPING_PROXY_SOURCE = `
class mappingproxy:
    """A read-only proxy of a mapping (CPython's mappingproxy)."""

    __slots__ = ('_mapping',)

    def __new__(cls, mapping):
        if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__') or isinstance(
                mapping, (list, tuple)):
            raise TypeError('mappingproxy() argument must be a mapping, not '
                            + type(mapping).__name__)
        proxy = object.__new__(cls)
        object.__setattr__(proxy, '_mapping', mapping)
        return proxy

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other._mapping
        if not isinstance(other, dict):
            return NotImplemented
        result = dict(self._mapping)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = dict(other)
        result.update(self._mapping)
        return result

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)

    __hash__ = None


mappingproxy.__module__ = 'builtins'
`;

/** Per interpreter: the module holding the `mappingproxy` class (owned until dispose). */
const proxyModules = new WeakMap<Machine, { module: Ptr; proxyClass: Ptr }>();

/**
 * The `mappingproxy` class of this interpreter (borrowed), made on first use.
 *
 * @example
 * ```ts
 * const proxyClass = mappingProxyClass(machine);
 * ```
 */
export function mappingProxyClass(m: Machine): Ptr {
  let entry = proxyModules.get(m);
  if (entry === undefined) {
    const context = m.context;
    const module = context.runModuleSource("_mappingproxy", MAPPING_PROXY_SOURCE, []);
    const proxyClass = getAttribute(m, module, m.name("mappingproxy"), "mappingproxy");
    // The module keeps the class alive.
    m.decref(proxyClass);
    entry = { module, proxyClass };
    proxyModules.set(m, entry);
    whenDisposed(context, () => {
      proxyModules.delete(m);
      m.decref(module);
    });
  }
  return entry.proxyClass;
}

/**
 * `cls.__dict__`: a new `mappingproxy` over the class's dict (a new reference). CPython:
 * `type_dict()` → `PyDictProxy_New`.
 *
 * @example
 * ```ts
 * const proxy = classDictProxy(machine, typeDict);
 * ```
 */
export function classDictProxy(m: Machine, dict: Ptr): Ptr {
  return call(m, mappingProxyClass(m), [dict], undefined);
}
