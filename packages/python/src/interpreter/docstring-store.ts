import type { Statement } from "../ast.js";

/**
 * A module's or class body's docstring, stored as CPython's compiler stores it: a leading string
 * expression statement becomes `__doc__ = "…"` (CPython: `compiler_body` emits STORE_NAME
 * `__doc__`), so `Class.__doc__` and the module's `__doc__` hold it, as doctest and help() expect.
 *
 * @example
 * ```ts
 * const body = withDocstringStored(module.body); // [Assign __doc__, …rest]
 * ```
 * @internal
 */
export function withDocstringStored(body: readonly Statement[]): Statement[] {
  const [first, ...rest] = body;
  if (
    first?.kind !== "Expr" ||
    first.value.kind !== "Constant" ||
    first.value.constantType !== "str"
  )
    return [...body];
  const target = { ...first.value, kind: "Name", id: "__doc__", ctx: "Store" } as const;
  return [
    { ...first, kind: "Assign", targets: [target], value: first.value } as Statement,
    ...rest,
  ];
}
