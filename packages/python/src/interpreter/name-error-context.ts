import type { Ptr } from "@pymem/core";
import { newSuper } from "./descriptor-builtins.js";
import { PyException } from "./exceptions.js";
import type { Machine } from "./machine.js";

/**
 * The `name` (and, for AttributeError, `obj`) an interpreter-raised NameError or AttributeError
 * carries, which the traceback printer's "Did you mean" suggestions read (CPython 3.13:
 * `set_attribute_error_context` in Objects/object.c, `format_exc_check_arg` in Python/ceval.c).
 *
 * @module
 */

/**
 * Raises `AttributeError(message)` with `name` and `obj` set, as CPython's generic attribute
 * lookup and assignment do (`PyObject_GenericGetAttr`, `_PyObject_GenericSetAttrWithDict`).
 *
 * @example
 * ```ts
 * raiseAttributeError(machine, `'int' object has no attribute 'x'`, obj, "x");
 * ```
 */
export function raiseAttributeError(m: Machine, message: string, obj: Ptr, name: string): never {
  const inst = m.newException("AttributeError", message);
  try {
    setNameAndObject(m, inst, name, obj);
  } catch (error) {
    m.decref(inst);
    throw error;
  }
  throw m.exception(inst);
}

/**
 * Raises `'super' object has no attribute 'name'` for `super().name` compiled without a super
 * object (CPython: `LOAD_SUPER_ATTR` → `do_super_lookup`, whose `obj` is the super object), so
 * one is made for the exception.
 *
 * @example
 * ```ts
 * if (found === 0) raiseSuperAttributeError(machine, cls, self, "x");
 * ```
 */
export function raiseSuperAttributeError(m: Machine, cls: Ptr, self: Ptr, name: string): never {
  const instance = newSuper(m, cls, self);
  try {
    raiseAttributeError(m, `'super' object has no attribute '${name}'`, instance, name);
  } finally {
    m.decref(instance);
  }
}

/**
 * Raises a NameError (not an UnboundLocalError: CPython sets `name` only for the plain
 * NameError messages) whose `name` is the missing variable. CPython: `format_exc_check_arg`.
 *
 * @example
 * ```ts
 * raiseNameError(machine, `name 'x' is not defined`, "x");
 * ```
 */
export function raiseNameError(m: Machine, message: string, name: string): never {
  const inst = m.newException("NameError", message);
  try {
    setNameAndObject(m, inst, name, 0);
  } catch (error) {
    m.decref(inst);
    throw error;
  }
  throw m.exception(inst);
}

/**
 * When `error` is an AttributeError whose `name` and `obj` were never set (a user
 * `__getattr__` raising a bare `AttributeError("…")`), records the lookup's `name` and `obj` on
 * it, then rethrows `error` whatever it is. CPython: `set_attribute_error_context`.
 *
 * @example
 * ```ts
 * try { return lookup(); } catch (error) { rethrowWithAttributeContext(machine, error, obj, "x"); }
 * ```
 */
export function rethrowWithAttributeContext(
  m: Machine,
  error: unknown,
  obj: Ptr,
  name: string,
): never {
  if (error instanceof PyException && error.value !== 0) {
    const inst = error.value;
    const heap = m.heap;
    if (
      m.isSubtype(m.recordOf(inst), m.builtinType("AttributeError")) &&
      heap.getSlot(inst, "name") === 0 &&
      heap.getSlot(inst, "obj") === 0
    ) {
      try {
        setNameAndObject(m, inst, name, obj);
      } catch (failure) {
        error.release(m); // out of memory recording the context: that error replaces this one
        throw failure;
      }
    }
  }
  throw error;
}

/** Stores `name` (a new str) and `obj` (when not 0) in the exception's fields. */
function setNameAndObject(m: Machine, inst: Ptr, name: string, obj: Ptr): void {
  const text = m.newStr(name);
  try {
    m.heap.setSlot(inst, "name", text);
  } finally {
    m.decref(text);
  }
  if (obj !== 0) m.heap.setSlot(inst, "obj", obj);
}
