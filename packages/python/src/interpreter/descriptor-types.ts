import { TypeFlags, type TypeId } from "@pymem/core";
import type { Heap } from "@pymem/heap";

/**
 * The heap layouts of the descriptor objects classes are built from — `property`,
 * `classmethod`, `staticmethod` — and of `super` objects, in CPython 3.13's field order (so
 * `gc.get_referents` lists what CPython's `tp_traverse` visits, in the same order). Every one is
 * GC-tracked, as in CPython.
 *
 * @module
 */

/** `property.fget` (0 for none). CPython: `prop_get`. */
export const PROPERTY_GET_OFFSET = 8;
/** `property.fset`. CPython: `prop_set`. */
export const PROPERTY_SET_OFFSET = 12;
/** `property.fdel`. CPython: `prop_del`. */
export const PROPERTY_DELETE_OFFSET = 16;
/** `property.__doc__` given to the constructor. CPython: `prop_doc`. */
export const PROPERTY_DOC_OFFSET = 20;
/** The name given by `__set_name__`. CPython: `prop_name`. */
export const PROPERTY_NAME_OFFSET = 24;
/** Size of a property object. */
export const PROPERTY_SIZE = 28;

/** The wrapped callable of a `classmethod` / `staticmethod`. CPython: `cm_callable`. */
export const WRAPPER_CALLABLE_OFFSET = 8;
/** Its `__dict__` (the attributes copied from the callable). CPython: `cm_dict`. */
export const WRAPPER_DICT_OFFSET = 12;
/** Size of a classmethod or staticmethod object. */
export const WRAPPER_SIZE = 16;

/** The class `super()` starts after. CPython: `superobject.type`. */
export const SUPER_TYPE_OFFSET = 8;
/** The instance (or class) bound. CPython: `superobject.obj`. */
export const SUPER_OBJECT_OFFSET = 12;
/** The type whose MRO is searched. CPython: `superobject.obj_type`. */
export const SUPER_OBJECT_TYPE_OFFSET = 16;
/** Size of a super object. */
export const SUPER_SIZE = 20;

/**
 * The type ids of the descriptor and `super` objects.
 *
 * @example
 * ```ts
 * const ids = defineDescriptorTypes(heap);
 * heap.allocate(ids.property);
 * ```
 */
export interface DescriptorTypeIds {
  readonly property: TypeId;
  readonly classmethod: TypeId;
  readonly staticmethod: TypeId;
  readonly super: TypeId;
}

const registered = new WeakMap<Heap, DescriptorTypeIds>();

/**
 * Registers the descriptor types in `heap`, once per heap (type ids are never unregistered, so a
 * second interpreter on the same runtime reuses them).
 *
 * @example
 * ```ts
 * const ids = defineDescriptorTypes(runtime.heap);
 * ```
 */
export function defineDescriptorTypes(heap: Heap): DescriptorTypeIds {
  const cached = registered.get(heap);
  if (cached !== undefined) return cached;
  const wrapper = (name: string): TypeId =>
    heap.defineType({
      name,
      basicSize: WRAPPER_SIZE,
      // Classes may derive from it (CPython: Py_TPFLAGS_BASETYPE).
      flags: TypeFlags.GC | TypeFlags.BASETYPE,
      // CPython: cm_traverse / sm_traverse visit the callable, then the dict.
      references: { fixed: [WRAPPER_CALLABLE_OFFSET, WRAPPER_DICT_OFFSET] },
    });
  const ids: DescriptorTypeIds = {
    property: heap.defineType({
      name: "property",
      basicSize: PROPERTY_SIZE,
      flags: TypeFlags.GC | TypeFlags.BASETYPE,
      // CPython: property_traverse — prop_get, prop_set, prop_del, prop_doc, prop_name.
      references: {
        fixed: [
          PROPERTY_GET_OFFSET,
          PROPERTY_SET_OFFSET,
          PROPERTY_DELETE_OFFSET,
          PROPERTY_DOC_OFFSET,
          PROPERTY_NAME_OFFSET,
        ],
      },
    }),
    classmethod: wrapper("classmethod"),
    staticmethod: wrapper("staticmethod"),
    super: heap.defineType({
      name: "super",
      basicSize: SUPER_SIZE,
      flags: TypeFlags.GC,
      // CPython: super_traverse — obj, type, obj_type.
      references: { fixed: [SUPER_OBJECT_OFFSET, SUPER_TYPE_OFFSET, SUPER_OBJECT_TYPE_OFFSET] },
    }),
  };
  registered.set(heap, ids);
  return ids;
}
