import type { Ptr } from "@pymem/core";
import { call } from "./calls.js";
import { frameLocals, storeFrameLocal } from "./frame-objects.js";
import type { Machine } from "./machine.js";
import { whenDisposed } from "./modules/module-support.js";
import type { NativeFunction } from "./native.js";
import { getAttribute } from "./object-access.js";

/**
 * PEP 667's `FrameLocalsProxy`, what `frame.f_locals` returns for a function frame (CPython 3.13:
 * Objects/frameobject.c): a write-through mapping over the frame's local variables. The class is
 * written in Python (so that subscription, `in`, `len`, iteration and `dict(proxy)` go through the
 * ordinary protocols) over two natives that read and write the frame's slots, and is made the
 * first time an interpreter asks for it.
 *
 * @module
 */

const FRAME_LOCALS_SOURCE = `
_repr_running = set()


class FrameLocalsProxy:
    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame

    def __getitem__(self, key):
        for name, value in _frame_items(self._frame):
            if name == key:
                return value
        raise KeyError("local variable '{!r}' is not defined".format(key))

    def __setitem__(self, key, value):
        _frame_store(self._frame, key, value)

    def __delitem__(self, key):
        raise TypeError("cannot remove variables from FrameLocalsProxy")

    def __contains__(self, key):
        for name, value in _frame_items(self._frame):
            if name == key:
                return True
        return False

    def __len__(self):
        return len(_frame_items(self._frame))

    def __iter__(self):
        return iter([name for name, value in _frame_items(self._frame)])

    def keys(self):
        return [name for name, value in _frame_items(self._frame)]

    def values(self):
        return [value for name, value in _frame_items(self._frame)]

    def items(self):
        return _frame_items(self._frame)

    def get(self, key, default=None):
        for name, value in _frame_items(self._frame):
            if name == key:
                return value
        return default

    def copy(self):
        return dict(_frame_items(self._frame))

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, FrameLocalsProxy):
            other = other.copy()
        return self.copy() == other

    __hash__ = None

    def __repr__(self):
        # CPython: Py_ReprEnter — a proxy shown inside itself (stored in the frame) is {...}.
        if id(self) in _repr_running:
            return '{...}'
        _repr_running.add(id(self))
        try:
            return repr(self.copy())
        finally:
            _repr_running.discard(id(self))

FrameLocalsProxy.__module__ = 'builtins'
`;

/** Per interpreter: the `FrameLocalsProxy` class (borrowed from its module, held until dispose). */
const proxyModules = new WeakMap<Machine, { module: Ptr; proxyClass: Ptr }>();

/**
 * `frame.f_locals` of a function frame: a new `FrameLocalsProxy` over `frameObject` (a new
 * reference). CPython: `_PyFrame_GetLocals` → `_PyFrameLocalsProxy_New`.
 *
 * @example
 * ```ts
 * const proxy = frameLocalsProxy(machine, frameObject);
 * ```
 */
export function frameLocalsProxy(m: Machine, frameObject: Ptr): Ptr {
  let entry = proxyModules.get(m);
  if (entry === undefined) {
    const context = m.context;
    const natives: Array<[string, NativeFunction]> = [
      [
        "_frame_items",
        (_context, [frame]) =>
          m.listSteal(
            frameLocals(m, frame!).map(([name, value]) => m.newTuple([m.name(name), value])),
          ),
      ],
      [
        "_frame_store",
        (_context, [frame, key, value]) => {
          // pymem keeps no extra locals (CPython: f_extra_locals): only the code's variables.
          const isName = m.typeIdOf(key!) === m.heap.strType;
          if (!isName || !storeFrameLocal(m, frame!, m.heap.strValue(key!), value!))
            m.raise("KeyError", isName ? m.heap.strValue(key!) : m.typeName(key!));
          return m.incref(m.heap.none);
        },
      ],
    ];
    const members = natives.map(([name, fn]): [string, Ptr] => [
      name,
      context.newBuiltinFunction(name, fn),
    ]);
    let module: Ptr;
    try {
      module = context.runModuleSource("_framelocals", FRAME_LOCALS_SOURCE, members);
    } finally {
      for (const [, value] of members) context.release(value);
    }
    const proxyClass = getAttribute(m, module, m.name("FrameLocalsProxy"), "FrameLocalsProxy");
    m.decref(proxyClass);
    entry = { module, proxyClass };
    proxyModules.set(m, entry);
    whenDisposed(context, () => {
      proxyModules.delete(m);
      m.decref(module);
    });
  }
  return call(m, entry.proxyClass, [frameObject], undefined);
}
