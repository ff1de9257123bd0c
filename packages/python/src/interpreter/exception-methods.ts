import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";
import { arity, defineMethod } from "./native-arguments.js";
import { instanceDict } from "./object-access.js";
import { exceptionStr } from "./object-repr.js";

/**
 * The methods of `BaseException` a program calls by name (CPython: `BaseException_methods`,
 * `BaseException_init`): `__init__` (what `super().__init__(message)` in an exception subclass
 * reaches), `__str__`, `add_note` and `with_traceback`.
 *
 * @module
 */

/**
 * Installs `BaseException.__init__`, `__str__`, `add_note` and `with_traceback`.
 *
 * @example
 * ```ts
 * installExceptionMethods(machine);
 * ```
 */
export function installExceptionMethods(m: Machine): void {
  const heap = m.heap;
  const requireException = (value: Ptr | undefined, method: string): Ptr => {
    if (value === undefined || !m.recordOf(value).exception)
      m.raise("TypeError", `descriptor '${method}' requires a 'BaseException' object`);
    return value;
  };
  // CPython: BaseException_init — the arguments become `args`; keywords are refused.
  defineMethod(m, "BaseException", "__init__", (_c, args, keywords) => {
    const self = requireException(args[0], "__init__");
    if (keywords.length > 0)
      m.raise("TypeError", `${m.typeName(self)}() takes no keyword arguments`);
    const tuple = m.newTuple(args.slice(1));
    heap.setSlot(self, "args", tuple);
    m.decref(tuple);
    return heap.none;
  });
  // CPython: BaseException_str — what `super().__str__()` in an exception subclass reaches.
  defineMethod(m, "BaseException", "__str__", (_c, args) => {
    arity(m, "__str__", args, 1, 1);
    return m.newStr(exceptionStr(m, requireException(args[0], "__str__")));
  });
  // CPython: BaseException_add_note — appends to the `__notes__` list, making it on first use.
  defineMethod(m, "BaseException", "add_note", (_c, args) => {
    arity(m, "add_note", args, 2, 2);
    const self = requireException(args[0], "add_note");
    const note = args[1]!;
    if (!m.isStr(note)) m.raise("TypeError", `note must be a str, not '${m.typeName(note)}'`);
    const dict = instanceDict(m, self);
    try {
      const key = m.name("__notes__");
      let notes = heap.dictGetItem(dict, key);
      if (notes === 0) {
        notes = heap.newList();
        heap.dictSetItem(dict, key, notes);
        m.decref(notes);
      } else if (m.typeIdOf(notes) !== heap.listType)
        m.raise("TypeError", "Cannot add note: __notes__ is not a list");
      heap.listAppend(notes, note);
    } finally {
      m.decref(dict);
    }
    return heap.none;
  });
  // CPython: BaseException_with_traceback — sets __traceback__ and returns the exception.
  defineMethod(m, "BaseException", "with_traceback", (_c, args) => {
    arity(m, "with_traceback", args, 2, 2);
    const self = requireException(args[0], "with_traceback");
    const tb = args[1]!;
    if (tb !== heap.none && m.typeIdOf(tb) !== m.types.traceback)
      m.raise("TypeError", "__traceback__ must be a traceback or None");
    heap.setSlot(self, "__traceback__", tb === heap.none ? 0 : tb);
    return m.incref(self);
  });
}
