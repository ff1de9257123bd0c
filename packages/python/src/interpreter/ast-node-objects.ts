import type { Ptr } from "@pymem/core";
import type { Constant } from "../ast.js";
import { utf8Columns } from "../dump.js";
import { newBytes } from "./bytes-objects.js";
import type { Machine } from "./machine.js";
import { type NodeClass, type NodeField, nodeClasses } from "./modules/ast-node-grammar.js";

/**
 * The parser's tree turned into the `ast` module's node objects on the pymem heap (CPython:
 * `PyAST_mod2obj`, the generated `ast2obj_*` functions): one instance per node with every field
 * and position attribute set, columns counted in UTF-8 bytes as CPython counts them.
 *
 * @module
 */

/** The grammar's classes by name, read once. */
let classTable: ReadonlyMap<string, NodeClass> | undefined;

/**
 * The node classes of the grammar by name (the table both directions of conversion walk).
 *
 * @example
 * ```ts
 * nodeClassTable().get("BinOp")?.fields.map((field) => field.name); // ["left", "op", "right"]
 * ```
 * @internal
 */
export function nodeClassTable(): ReadonlyMap<string, NodeClass> {
  classTable ??= new Map(nodeClasses().map((node) => [node.name, node]));
  return classTable;
}

/** The parser's property for a Python field or attribute name (`decorator_list` → `decoratorList`). */
export function treeProperty(name: string): string {
  switch (name) {
    case "lineno":
      return "line";
    case "col_offset":
      return "column";
    case "end_lineno":
      return "endLine";
    case "end_col_offset":
      return "endColumn";
    default:
      return name.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase());
  }
}

/**
 * The deepest node CPython's `ast2obj` builds before "maximum recursion depth exceeded during
 * ast construction" (its C recursion limit, 10000, less the frames below it; measured on 3.13:
 * a module whose expression nests 9994 binary operations converts, one more does not).
 */
const MAXIMUM_DEPTH = 9997;

/** What the converter still has to do: a value to store, or a node's position attributes. */
type Pending =
  | PendingValue
  | { readonly attributesOf: Record<string, unknown>; readonly holder: Ptr };

/** Put `value` (parser data) into `holder`. */
interface PendingValue {
  readonly value: unknown;
  readonly field: NodeField;
  /** The object receiving it: a node (set attribute `field.name`) or a list (append). */
  readonly holder: Ptr;
  readonly intoList: boolean;
  readonly depth: number;
  /** The Constant node a `constant` field belongs to (its value's Python type). */
  readonly constant: Constant | undefined;
}

/**
 * A new reference to the `ast` node object for `root`, a parser node (or `{kind: "Expression",
 * body}` / `{kind: "Interactive", body}`), whose classes come from `astModule`. `source` is the
 * parsed text, for UTF-8 columns. Iterative; RecursionError past CPython's depth.
 *
 * @example
 * ```ts
 * const tree = astObjectsFromTree(m, astModule, parse("x = 1"), "x = 1");
 * ```
 */
export function astObjectsFromTree(
  m: Machine,
  astModule: Ptr,
  root: { readonly kind: string; readonly body?: unknown },
  source: string,
): Ptr {
  const heap = m.heap;
  const table = nodeClassTable();
  const column = utf8Columns(source.replace(/\r\n?/g, "\n"));
  const typeIds = new Map<string, number>();
  const singletons = new Map<string, Ptr>();
  const newNode = (kind: string): Ptr => {
    let typeId = typeIds.get(kind);
    if (typeId === undefined) {
      const type = m.context.getAttribute(astModule, kind);
      try {
        typeId = m.recordOfType(type).id;
      } finally {
        m.decref(type);
      }
      typeIds.set(kind, typeId);
    }
    return heap.newInstance(typeId);
  };
  const result = newNode(root.kind);
  try {
    const pending: Pending[] = [];
    const expand = (node: Record<string, unknown>, object: Ptr, depth: number): void => {
      const description = table.get(node.kind as string);
      if (description === undefined) throw new Error(`no ast class for ${String(node.kind)}`);
      if (depth > MAXIMUM_DEPTH)
        m.raise("RecursionError", "maximum recursion depth exceeded during ast construction");
      // Attributes after the fields, fields in reverse: the stack hands them out in CPython's
      // order, which the instance dict keeps.
      if (description.attributes.length > 0) pending.push({ attributesOf: node, holder: object });
      for (let index = description.fields.length - 1; index >= 0; index--) {
        const field = description.fields[index]!;
        const value =
          field.name === "kind" && node.kind === "Constant"
            ? node.unicodePrefix === true
              ? "u"
              : null
            : node[treeProperty(field.name)];
        pending.push({
          value: value === undefined ? (field.sequence ? [] : null) : value,
          field,
          holder: object,
          intoList: false,
          depth,
          constant: node.kind === "Constant" ? (node as unknown as Constant) : undefined,
        });
      }
    };
    const setAttributes = (node: Record<string, unknown>, object: Ptr): void => {
      for (const attribute of table.get(node.kind as string)!.attributes) {
        const number = node[treeProperty(attribute.name)] as number;
        const value = attribute.name.endsWith("col_offset")
          ? heap.newInt(
              column(node[attribute.name === "col_offset" ? "line" : "endLine"] as number, number),
            )
          : heap.newInt(number);
        try {
          heap.setAttr(object, attribute.name, value);
        } finally {
          m.decref(value);
        }
      }
    };
    expand(root as Record<string, unknown>, result, 1);
    while (pending.length > 0) {
      const work = pending.pop()!;
      if ("attributesOf" in work) {
        setAttributes(work.attributesOf, work.holder);
        continue;
      }
      const { field, holder } = work;
      if (field.sequence && !work.intoList) {
        const list = heap.newList();
        try {
          heap.setAttr(holder, field.name, list);
        } finally {
          m.decref(list);
        }
        const items = work.value as unknown[];
        for (let index = items.length - 1; index >= 0; index--)
          pending.push({ ...work, value: items[index], holder: list, intoList: true });
        continue;
      }
      let value: Ptr;
      let node: Record<string, unknown> | undefined;
      if (field.type === "constant") value = constantObject(m, work.value, work.constant);
      else if (work.value === null) value = m.incref(heap.none);
      else if (typeof work.value === "string")
        value = table.has(field.type) ? operatorObject(work.value) : heap.newStr(work.value);
      else if (typeof work.value === "boolean") value = heap.newInt(work.value ? 1 : 0);
      else if (typeof work.value === "number") value = heap.newInt(work.value);
      else {
        node = work.value as Record<string, unknown>;
        value = newNode(node.kind as string);
      }
      try {
        if (work.intoList) heap.listAppend(holder, value);
        else heap.setAttr(holder, field.name, value);
        if (node !== undefined) expand(node, value, work.depth + 1);
      } finally {
        m.decref(value);
      }
    }
    return result;
  } catch (error) {
    m.decref(result);
    throw error;
  } finally {
    for (const singleton of singletons.values()) m.decref(singleton);
  }

  /** The operator or context instance the tree names by a string (`"Add"`, `"Load"`), shared. */
  function operatorObject(kind: string): Ptr {
    let singleton = singletons.get(kind);
    if (singleton === undefined) {
      singleton = newNode(kind);
      singletons.set(kind, singleton);
    }
    return m.incref(singleton);
  }
}

/** A Constant's (or MatchSingleton's) value as a Python object. */
function constantObject(m: Machine, value: unknown, node: Constant | undefined): Ptr {
  const heap = m.heap;
  if (value === true) return m.incref(heap.true);
  if (value === false) return m.incref(heap.false);
  switch (node?.constantType) {
    case "Ellipsis":
      return m.incref(m.ellipsis);
    case "float":
      return heap.newFloat(value as number);
    case "complex":
      return heap.newComplex(0, value as number);
    case "bytes":
      return newBytes(m, value as Uint8Array);
    case "str":
      return heap.newStr(value as string);
    case "int":
      return typeof value === "bigint"
        ? heap.newIntFromBigInt(value)
        : heap.newInt(value as number);
    default:
      return m.incref(heap.none);
  }
}
