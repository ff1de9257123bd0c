import type { Ptr } from "@pymem/core";
import type { Module } from "../ast.js";
import { nodeClassTable, treeProperty } from "./ast-node-objects.js";
import { bytesData } from "./bytes-objects.js";
import type { Machine } from "./machine.js";
import type { NodeClass, NodeField } from "./modules/ast-node-grammar.js";
import { findAttribute } from "./object-access.js";

/**
 * `ast` node objects turned back into the parser's tree, so `compile()` accepts an AST (CPython:
 * `PyAST_obj2mod`, the generated `obj2ast_*` functions, then `_PyAST_Validate`): CPython's
 * TypeError for a missing field or a value of the wrong kind, ValueError for the checks the
 * validator makes that the parser's grammar would otherwise guarantee. Iterative.
 *
 * @module
 */

/** The sum types whose constructors the tree spells as strings (`"Add"`, `"Load"`). */
const NAMED_BY_STRING = new Set(["expr_context", "boolop", "operator", "unaryop", "cmpop"]);

/** The deepest tree CPython reads and validates before RecursionError (its C recursion limit). */
const MAXIMUM_DEPTH = 9997;

/** One object still to read: where its converted value goes. */
interface PendingObject {
  readonly object: Ptr;
  readonly type: string;
  readonly store: (value: unknown) => void;
  readonly depth: number;
}

/**
 * The parser's module for an `ast` object of the root class `mode` asks for (`Module` for exec,
 * `Expression` for eval, `Interactive` for single), its classes those of `astModule`.
 *
 * @example
 * ```ts
 * const module = treeFromAstObjects(m, astModule, tree, "exec");
 * ```
 */
export function treeFromAstObjects(
  m: Machine,
  astModule: Ptr,
  root: Ptr,
  mode: "exec" | "eval" | "single",
): Module {
  const heap = m.heap;
  const table = nodeClassTable();
  const names = new Map<Ptr, string>();
  for (const name of table.keys()) {
    const type = m.context.getAttribute(astModule, name);
    names.set(type, name);
    m.decref(type); // the module keeps it alive
  }
  /** The grammar class an object is an instance of (its nearest one in the MRO). */
  const classOf = (object: Ptr): string | undefined => {
    for (const record of m.recordOf(object).mro) {
      const name = names.get(record.object);
      if (name !== undefined) return name;
    }
    return undefined;
  };
  const expected = mode === "exec" ? "Module" : mode === "eval" ? "Expression" : "Interactive";
  const rootClass = classOf(root);
  if (rootClass !== expected)
    m.raise("TypeError", `expected ${expected} node, got ${rootClass ?? m.typeName(root)}`);
  let result: Record<string, unknown> = {};
  const pending: PendingObject[] = [
    {
      object: m.incref(root),
      type: expected,
      store: (value) => (result = value as typeof result),
      depth: 1,
    },
  ];
  try {
    while (pending.length > 0) convertNext();
  } finally {
    for (const { object } of pending) m.decref(object);
  }
  if (expected === "Module") return result as unknown as Module;
  const body = expected === "Expression" ? [expressionStatement(result.body)] : result.body;
  return { kind: "Module", body, line: 1, column: 0, endLine: 1, endColumn: 0 } as Module;

  /** Converts the object on top of the queue (CPython: the obj2ast function of its type). */
  function convertNext(): void {
    const { object, type, store, depth } = pending.pop()!;
    try {
      // CPython: validate_expr's recursion guard names the kind of node it was entering.
      if (depth > MAXIMUM_DEPTH)
        m.raise(
          "RecursionError",
          `maximum recursion depth exceeded while traversing '${type}' node`,
        );
      const kind = classOf(object);
      const description = kind === undefined ? undefined : table.get(kind);
      if (description === undefined || (description.base !== type && description.name !== type))
        m.raise("TypeError", `expected some sort of ${type}, but got ${m.context.repr(object)}`);
      if (NAMED_BY_STRING.has(type)) {
        store(description.name);
        return;
      }
      const node: Record<string, unknown> = { kind: description.name };
      store(node);
      readPositions(m, object, description, node);
      for (const field of description.fields) {
        const value = findAttribute(m, object, m.name(field.name), field.name);
        try {
          readField(node, description, field, value, depth);
        } finally {
          if (value !== 0) m.decref(value);
        }
      }
    } finally {
      m.decref(object);
    }
  }

  /** Stores one field's value into `node` (nodes it holds are queued). */
  function readField(
    node: Record<string, unknown>,
    owner: NodeClass,
    field: NodeField,
    value: Ptr,
    depth: number,
  ): void {
    if (field.type === "constant") {
      if (value === 0) missing(owner, field);
      node.constantType = constantType(m, value);
      node.value = constantValue(m, value, node.constantType as string);
      return;
    }
    if (owner.name === "Constant") {
      // `kind`: 'u' for a u-prefixed string.
      if (value !== 0 && m.isStr(value) && heap.strValue(value) === "u") node.unicodePrefix = true;
      return;
    }
    const property = treeProperty(field.name);
    if (value === 0 || value === heap.none) {
      if (field.sequence) node[property] = [];
      else if (field.optional) node[property] = null;
      else missing(owner, field, value !== 0);
      return;
    }
    if (!field.sequence) {
      pushValue(value, field, (converted) => (node[property] = converted), depth);
      return;
    }
    if (m.typeIdOf(value) !== heap.listType)
      m.raise(
        "TypeError",
        `${owner.name} field "${field.name}" must be a list, not a ${m.typeName(value)}`,
      );
    const length = heap.listLength(value);
    // CPython: _PyAST_Validate's validate_body.
    if (length === 0 && field.name === "body" && owner.base === "stmt")
      m.raise("ValueError", `empty body on ${owner.name}`);
    const items: unknown[] = new Array(length).fill(null);
    node[property] = items;
    for (let index = 0; index < length; index++) {
      const item = heap.listGetItem(value, index);
      // Dict keys hold None for `**mapping` entries.
      if (item !== heap.none || field.name !== "keys")
        pushValue(item, field, (converted) => (items[index] = converted), depth);
    }
  }

  /** Converts a leaf at once, or queues a node. */
  function pushValue(
    value: Ptr,
    field: NodeField,
    store: (value: unknown) => void,
    depth: number,
  ): void {
    switch (field.type) {
      case "identifier":
      case "string":
        if (!m.isStr(value)) m.raise("TypeError", `AST ${field.type} must be of type str`);
        store(heap.strValue(value));
        return;
      case "int":
        if (!m.isInt(value))
          m.raise("ValueError", `invalid integer value: ${m.context.repr(value)}`);
        store(
          field.name === "simple" || field.name === "is_async"
            ? heap.numberValue(value) !== 0
            : heap.numberValue(value),
        );
        return;
      default:
        // Owned while queued: a user `__getattr__` run meanwhile may drop the holder's reference.
        pending.push({ object: m.incref(value), type: field.type, store, depth: depth + 1 });
    }
  }

  function missing(owner: NodeClass, field: NodeField, wasNone = false): never {
    if (wasNone) m.raise("ValueError", `field '${field.name}' is required for ${owner.name}`);
    return m.raise(
      "TypeError",
      `required field "${field.name}" missing from ${owner.base === "AST" ? owner.name : owner.base}`,
    );
  }
}

/** `lineno`, `col_offset`, `end_lineno`, `end_col_offset` of a node whose class has them. */
function readPositions(
  m: Machine,
  object: Ptr,
  description: NodeClass,
  node: Record<string, unknown>,
): void {
  const heap = m.heap;
  for (const attribute of description.attributes) {
    const value = findAttribute(m, object, m.name(attribute.name), attribute.name);
    try {
      if (value === 0 || value === heap.none) {
        if (!attribute.optional)
          m.raise(
            "TypeError",
            `required field "${attribute.name}" missing from ${description.base}`,
          );
        // CPython: an absent end position is the start's.
        node[treeProperty(attribute.name)] =
          node[attribute.name === "end_lineno" ? "line" : "column"];
        continue;
      }
      if (!m.isInt(value)) m.raise("ValueError", `invalid integer value: ${m.context.repr(value)}`);
      node[treeProperty(attribute.name)] = heap.numberValue(value);
    } finally {
      if (value !== 0) m.decref(value);
    }
  }
}

/** The parser's `constantType` for a Constant's Python value (CPython: `validate_constant`). */
function constantType(m: Machine, value: Ptr): string {
  const heap = m.heap;
  const type = m.typeIdOf(value);
  if (value === heap.none) return "None";
  if (value === m.ellipsis) return "Ellipsis";
  if (type === heap.boolType) return "bool";
  if (type === heap.intType || m.isInt(value)) return "int";
  if (type === heap.floatType) return "float";
  if (type === heap.complexType) return "complex";
  if (m.isStr(value)) return "str";
  if (type === m.types.bytes) return "bytes";
  return m.raise("TypeError", `got an invalid type in Constant: ${m.typeName(value)}`);
}

function constantValue(m: Machine, value: Ptr, type: string): unknown {
  const heap = m.heap;
  switch (type) {
    case "None":
    case "Ellipsis":
      return null;
    case "bool":
      return value === heap.true;
    case "int":
      return heap.isBigInt(value) ? heap.intBigValue(value) : heap.numberValue(value);
    case "float":
      return heap.numberValue(value);
    case "complex":
      if (heap.complexReal(value) !== 0)
        m.raise(
          "NotImplementedError",
          "pymem: a complex Constant with a real part cannot be compiled",
        );
      return heap.complexImag(value);
    case "str":
      return heap.strValue(value);
    default:
      return bytesData(m, value);
  }
}

/** An Expression's body as the statement eval-mode compilation expects. */
function expressionStatement(body: unknown): unknown {
  const expression = body as Record<string, unknown>;
  return { ...positionsOf(expression), kind: "Expr", value: expression };
}

function positionsOf(node: Record<string, unknown>): Record<string, unknown> {
  return { line: node.line, column: node.column, endLine: node.endLine, endColumn: node.endColumn };
}
