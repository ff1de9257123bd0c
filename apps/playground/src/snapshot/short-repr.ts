import { type Ptr, ReferenceStack, TypeFlags } from "@pymem/core";
import { type Heap, ObjectKind } from "@pymem/heap";
import { atomRepr, strRepr } from "@pymem/runtime";

/**
 * Longest text {@link shortRepr} returns by default: what fits on one line of a graph node.
 */
export const SHORT_REPR_LENGTH = 40;

/** Items (at every depth together) a short repr looks at before giving up with `…`. */
const ITEM_BUDGET = 12;

/** Nesting a short repr follows; deeper non-empty containers print as `[…]`. */
const MAXIMUM_DEPTH = 3;

/**
 * A one-line, bounded `repr()` for visualisers: CPython's text for ints, floats, strs, bools and
 * None; containers as Python prints them (`[[], [1, 2]]`, `{1, 2}`, `set()`) up to a budget of
 * items and a few levels of nesting, the rest as `…` (`[0, 1, …]`, `[[…]]`); class objects as
 * `<class '__main__.Node'>`; other objects print as `<T object at 0x…>`, the way
 * `object.__repr__` does.
 *
 * @remarks
 * Use it where a full `runtime.repr` could be arbitrarily long or slow (a million-item list at
 * every step of a recording). It reads at most {@link ITEM_BUDGET} items, {@link MAXIMUM_DEPTH}
 * levels deep, and only reads memory (no Python object is made).
 *
 * @example
 * ```ts
 * shortRepr(runtime.heap, runtime.fromJS([1, [2, 3], "a"])); // "[1, [2, 3], 'a']"
 * ```
 */
export function shortRepr(heap: Heap, obj: Ptr, maximumLength = SHORT_REPR_LENGTH): string {
  const text = reprOne(heap, obj, 0, { items: ITEM_BUDGET });
  return text.length > maximumLength ? `${text.slice(0, maximumLength - 1)}…` : text;
}

/** The items of a container a short repr reads: what is left of the budget, and how many exist. */
function readItems(
  count: number,
  budget: { items: number },
  item: (index: number) => Ptr,
): { items: Ptr[]; more: boolean } {
  const items: Ptr[] = [];
  for (let i = 0; i < count && budget.items > 0; i++, budget.items--) items.push(item(i));
  return { items, more: items.length < count };
}

/** The keys of a set, in table order (as CPython's repr lists them). */
function setKeys(heap: Heap, obj: Ptr): Ptr[] {
  const stack = new ReferenceStack(8);
  heap.types.pushReferences(obj, stack);
  return Array.from({ length: stack.length }, (_, i) => stack.items[i]!);
}

function reprOne(heap: Heap, obj: Ptr, depth: number, budget: { items: number }): string {
  const kind = heap.kindOf(obj);
  // Items of a container, each printed one level deeper (`self`: a container inside itself).
  const nested = (items: readonly Ptr[], more: boolean, self: string): string =>
    [
      ...items.map((item) => (item === obj ? self : reprOne(heap, item, depth + 1, budget))),
      ...(more ? ["…"] : []),
    ].join(", ");
  switch (kind) {
    case ObjectKind.NONE:
    case ObjectKind.BOOL:
    case ObjectKind.INT:
    case ObjectKind.FLOAT:
    case ObjectKind.WEAKREF:
      return atomRepr(heap, obj, kind);
    case ObjectKind.STR: {
      // Long strings: only the start is shown, so do not decode megabytes.
      return heap.strLength(obj) > SHORT_REPR_LENGTH * 2
        ? `${strRepr(heap.strValue(obj).slice(0, SHORT_REPR_LENGTH))}…`
        : strRepr(heap.strValue(obj));
    }
    case ObjectKind.LIST:
    case ObjectKind.TUPLE: {
      const isList = kind === ObjectKind.LIST;
      const length = isList ? heap.listLength(obj) : heap.tupleLength(obj);
      const [open, close] = isList ? ["[", "]"] : ["(", ")"];
      if (length === 0) return `${open}${close}`;
      if (depth >= MAXIMUM_DEPTH) return `${open}…${close}`;
      const { items, more } = readItems(length, budget, (i) =>
        isList ? heap.listGetItem(obj, i) : heap.tupleGetItem(obj, i),
      );
      const trailing = !isList && length === 1 ? "," : "";
      return `${open}${nested(items, more, isList ? "[...]" : "(...)")}${trailing}${close}`;
    }
    case ObjectKind.DICT: {
      const length = heap.dictLength(obj);
      if (length === 0) return "{}";
      // dictItems copies every entry: only small dicts are read.
      if (depth >= MAXIMUM_DEPTH || length > ITEM_BUDGET) return "{…}";
      const parts: string[] = [];
      for (const [key, value] of heap.dictItems(obj)) {
        if (budget.items <= 0) break;
        budget.items--;
        const valueText = value === obj ? "{...}" : reprOne(heap, value, depth + 1, budget);
        parts.push(`${reprOne(heap, key, depth + 1, budget)}: ${valueText}`);
      }
      return `{${[...parts, ...(parts.length < length ? ["…"] : [])].join(", ")}}`;
    }
    case ObjectKind.SET:
    case ObjectKind.FROZENSET: {
      const frozen = kind === ObjectKind.FROZENSET;
      const keys = setKeys(heap, obj);
      if (keys.length === 0) return frozen ? "frozenset()" : "set()";
      let inner = "{…}";
      if (depth < MAXIMUM_DEPTH) {
        // A set cannot hold itself (a set is unhashable).
        const { items, more } = readItems(keys.length, budget, (i) => keys[i]!);
        inner = `{${nested(items, more, "")}}`;
      }
      return frozen ? `frozenset(${inner})` : inner;
    }
    default:
      return classRepr(heap, obj) ?? atomRepr(heap, obj, kind);
  }
}

/**
 * `<class 'name'>` when `obj` is the object representing a registered type (a class the program
 * defined: `__main__.` qualified, as CPython prints it), else undefined. Types are few, so a scan
 * of the type table is cheap.
 */
function classRepr(heap: Heap, obj: Ptr): string | undefined {
  const types = heap.types;
  for (let typeId = 1; typeId < types.count; typeId++) {
    if (types.typeObject[typeId] !== obj) continue;
    const name = types.spec(typeId).name;
    const qualified = (types.flags[typeId]! & TypeFlags.HEAPTYPE) !== 0 && !name.includes(".");
    return `<class '${qualified ? "__main__." : ""}${name}'>`;
  }
  return undefined;
}
