import { type Ptr, TypeFlags } from "@pymem/core";
import { type Heap, ObjectKind } from "@pymem/heap";
import { atomRepr, strRepr } from "@pymem/runtime";

/**
 * Longest text {@link shortRepr} returns by default: what fits on one line of a graph node.
 */
export const SHORT_REPR_LENGTH = 40;

/** Items of a container a short repr looks at before giving up with `…`. */
const ITEM_BUDGET = 8;

/**
 * A one-line, bounded `repr()` for visualisers: CPython's text for ints, floats, strs, bools and
 * None; containers show their first few items (`[1, 2, …]`) and nested containers by type and
 * length (`[…3]`); class objects as `<class '__main__.Node'>`; other objects print as
 * `<T object at 0x…>`, the way `object.__repr__` does.
 *
 * @remarks
 * Use it where a full `runtime.repr` could be arbitrarily long or slow (a million-item list at
 * every step of a recording). It reads at most a handful of items and never recurses.
 *
 * @example
 * ```ts
 * shortRepr(runtime.heap, runtime.fromJS([1, [2, 3], "a"])); // "[1, […2], 'a']"
 * ```
 */
export function shortRepr(heap: Heap, obj: Ptr, maximumLength = SHORT_REPR_LENGTH): string {
  const text = reprOne(heap, obj, true);
  return text.length > maximumLength ? `${text.slice(0, maximumLength - 1)}…` : text;
}

function reprOne(heap: Heap, obj: Ptr, expand: boolean): string {
  const kind = heap.kindOf(obj);
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
      if (!expand) return `${open}…${length}${close}`;
      const parts: string[] = [];
      for (let i = 0; i < length && i < ITEM_BUDGET; i++) {
        const item = isList ? heap.listGetItem(obj, i) : heap.tupleGetItem(obj, i);
        parts.push(item === obj ? (isList ? "[...]" : "(...)") : reprOne(heap, item, false));
      }
      if (length > ITEM_BUDGET) parts.push("…");
      const trailing = !isList && length === 1 ? "," : "";
      return `${open}${parts.join(", ")}${trailing}${close}`;
    }
    case ObjectKind.DICT: {
      const length = heap.dictLength(obj);
      if (!expand) return `{…${length}}`;
      const parts: string[] = [];
      // dictItems copies every entry: only call it for small dicts.
      if (length <= ITEM_BUDGET) {
        for (const [key, value] of heap.dictItems(obj)) {
          parts.push(
            `${reprOne(heap, key, false)}: ${value === obj ? "{...}" : reprOne(heap, value, false)}`,
          );
        }
      } else parts.push(`…${length} items`);
      return `{${parts.join(", ")}}`;
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
