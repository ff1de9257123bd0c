import type { Ptr } from "@pymem/core";
import { defineGetter } from "./builtin-getters.js";
import { length as lengthOf } from "./builtins.js";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { classDictProxy } from "./mapping-proxy.js";
import { defineTypeMethod } from "./native-arguments.js";
import { VIEW_DICT_OFFSET } from "./object-layouts.js";
import { Cmp, Op } from "./operator-codes.js";
import { checkHashable, compare, contains } from "./operators.js";
import { addKey, isAnySet, newSetFrom, updateSet } from "./set-operations.js";

/**
 * The set behaviour of `dict_keys` and `dict_items` (CPython's `Objects/dictobject.c`): `&`, `|`,
 * `-`, `^` with any iterable on either side, giving a `set`; comparisons with sets and other
 * views (subset order); `isdisjoint`; `(key, value) in items` by one lookup; and the `mapping`
 * attribute of all three views.
 *
 * @module
 */

const KEYS = 1;
const ITEMS = 3;

/** Whether `obj` is a `dict_keys` or `dict_items` (CPython: `PyDictViewSet_Check`). */
function isSetView(m: Machine, obj: Ptr): boolean {
  const kind = m.viewKind(m.typeIdOf(obj));
  return kind === KEYS || kind === ITEMS;
}

/**
 * `(key, value) in d.items()`: one lookup of the key, then `==` on the value; anything but a
 * 2-tuple is not in it. CPython: `dictitems_contains`.
 *
 * @example
 * ```ts
 * itemsContain(machine, itemsView, pair);
 * ```
 * @internal
 */
export function itemsContain(m: Machine, view: Ptr, item: Ptr): boolean {
  const heap = m.heap;
  if (m.typeIdOf(item) !== heap.tupleType || heap.tupleLength(item) !== 2) return false;
  const key = heap.tupleGetItem(item, 0);
  const value = heap.tupleGetItem(item, 1);
  checkHashable(m, key);
  const found = heap.dictGetItem(m.field(view, VIEW_DICT_OFFSET), key);
  if (found === 0) return false;
  m.incref(found); // its __eq__ may remove it from the dict
  try {
    return found === value || compare(m, Cmp.EQ, found, value);
  } finally {
    m.decref(found);
  }
}

/**
 * `a op b` for `&`, `|`, `-`, `^` when `a` or `b` is a keys or items view: a new `set`, or 0 when
 * the operator is another one or neither operand is such a view. CPython: `dictviews_sub`,
 * `_PyDictView_Intersect`, `dictviews_or`, `dictviews_xor`.
 *
 * @example
 * ```ts
 * const common = dictViewBinary(machine, Op.AND, keysView, otherSet);
 * ```
 * @internal
 */
export function dictViewBinary(m: Machine, op: number, a: Ptr, b: Ptr): Ptr {
  if (!isSetView(m, a) && !isSetView(m, b)) return 0;
  const heap = m.heap;
  switch (op) {
    case Op.AND:
      return intersect(m, a, b);
    case Op.OR:
    case Op.SUB:
    case Op.XOR: {
      const result = newSetFrom(m, a, false);
      m.push(result); // released with the value stack if `b` raises
      if (op === Op.OR) updateSet(m, result, b);
      else if (op === Op.SUB) {
        // CPython: set_difference_update_internal.
        if (isAnySet(m, b)) heap.setDifferenceUpdate(result, b);
        else
          iterate(m, b, (key) => {
            checkHashable(m, key);
            heap.setDiscard(result, key);
            return true;
          });
      } else {
        // CPython: set_symmetric_difference_update, which makes a set of a non-set first.
        const other = isAnySet(m, b) ? m.incref(b) : newSetFrom(m, b, false);
        m.push(other);
        heap.setSymmetricDifferenceUpdate(result, other);
        m.sp--;
        m.decref(other);
      }
      m.sp--;
      return result;
    }
    default:
      return 0;
  }
}

/** CPython: `_PyDictView_Intersect` — iterate the smaller side, test membership in the view. */
function intersect(m: Machine, a: Ptr, b: Ptr): Ptr {
  let view = isSetView(m, a) ? a : b;
  let other = view === a ? b : a;
  const viewLength = lengthOf(m, view);
  if (isSetView(m, other) && lengthOf(m, other) > viewLength) [view, other] = [other, view];
  const result = m.heap.newSet(false);
  m.push(result); // released with the value stack if the iteration raises
  const items = m.viewKind(m.typeIdOf(view)) === ITEMS;
  iterate(m, other, (item) => {
    const found = items
      ? itemsContain(m, view, item)
      : contains(m, m.field(view, VIEW_DICT_OFFSET), item);
    if (found) addKey(m, result, item);
    return true;
  });
  m.sp--;
  return result;
}

/** Whether every item of `inner` is in `outer`. CPython: `all_contained_in`. */
function allContainedIn(m: Machine, inner: Ptr, outer: Ptr): boolean {
  let all = true;
  iterate(m, inner, (item) => {
    all = contains(m, outer, item);
    return all;
  });
  return all;
}

/**
 * `view op other` for a keys or items view and a set or another such view, in subset order;
 * undefined when CPython returns NotImplemented (`view` is not such a view, or `other` is
 * neither a set nor one). CPython: `dictview_richcompare`.
 *
 * @example
 * ```ts
 * compareDictView(machine, Cmp.LE, keysView, someSet); // keys ⊆ someSet
 * ```
 * @internal
 */
export function compareDictView(
  m: Machine,
  op: number,
  view: Ptr,
  other: Ptr,
): boolean | undefined {
  if (!isSetView(m, view) || (!isAnySet(m, other) && !isSetView(m, other))) return undefined;
  const lengthView = lengthOf(m, view);
  const lengthOther = lengthOf(m, other);
  switch (op) {
    case Cmp.EQ:
    case Cmp.NE: {
      const equal = lengthView === lengthOther && allContainedIn(m, view, other);
      return op === Cmp.EQ ? equal : !equal;
    }
    case Cmp.LT:
      return lengthView < lengthOther && allContainedIn(m, view, other);
    case Cmp.LE:
      return lengthView <= lengthOther && allContainedIn(m, view, other);
    case Cmp.GT:
      return lengthView > lengthOther && allContainedIn(m, other, view);
    case Cmp.GE:
      return lengthView >= lengthOther && allContainedIn(m, other, view);
    default:
      return undefined;
  }
}

/**
 * Installs `isdisjoint` on `dict_keys` and `dict_items` and the `mapping` attribute (a
 * `mappingproxy` of the dict) on all three views.
 *
 * @example
 * ```ts
 * installDictViewMethods(machine);
 * ```
 * @internal
 */
export function installDictViewMethods(m: Machine): void {
  for (const typeName of ["dict_keys", "dict_values", "dict_items"])
    defineGetter(m, typeName, "mapping", (self) =>
      classDictProxy(m, m.field(self, VIEW_DICT_OFFSET)),
    );
  // CPython: dictviews_isdisjoint — walk the smaller side when the other is a set or view.
  for (const typeName of ["dict_keys", "dict_items"])
    defineTypeMethod(
      m,
      typeName,
      (obj) => isSetView(m, obj),
      "isdisjoint",
      1,
      1,
      false,
      (self, [other]) => {
        if (self === other) return m.newBool(lengthOf(m, self) === 0);
        let walked = other!;
        let probed = self;
        if (
          (isAnySet(m, other!) || isSetView(m, other!)) &&
          lengthOf(m, other!) > lengthOf(m, self)
        )
          [walked, probed] = [self, other!];
        let disjoint = true;
        iterate(m, walked, (item) => {
          disjoint = !contains(m, probed, item);
          return disjoint;
        });
        return m.newBool(disjoint);
      },
    );
}
