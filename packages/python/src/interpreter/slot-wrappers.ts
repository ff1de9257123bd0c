import type { Ptr } from "@pymem/core";
import type { Machine } from "./machine.js";
import { defineMethod, noKeywords } from "./native-arguments.js";

/**
 * Special methods of the built-in types installed with the checks of CPython's slot wrappers
 * (`wrapper_descriptor`, what `add_operators` puts in a built-in type's dict for each filled
 * slot) rather than those of method descriptors: their TypeError texts differ
 * (`descriptor '__add__' requires a 'int' object but received a 'float'`,
 * `expected 1 argument, got 0`, `wrapper __add__() takes no keyword arguments`).
 *
 * @module
 */

/**
 * How many arguments a slot wrapper takes after `self`: none (`wrap_unaryfunc`, `wrap_inquirypred`,
 * `wrap_hashfunc`), one (`wrap_binaryfunc_l`/`_r`, `wrap_richcmpfunc`, `wrap_indexargfunc`), or
 * one and an optional second (`wrap_ternaryfunc`/`_r`, `__pow__`'s modulus, None when absent).
 */
export type SlotArity = "unary" | "binary" | "ternary";

/**
 * Installs `name` on the built-in type `typeName` as a slot wrapper: `self` must pass `isSelf`,
 * no keywords, the argument count of `arity`; `fn` gets `self` and the arguments (for a ternary
 * wrapper always two, the second None when not given). CPython: `wrapperdescr_call`,
 * `wrap_binaryfunc_l`, `check_num_args`, `wrap_ternaryfunc` (its `PyArg_UnpackTuple(args, "", 1, 2)`).
 *
 * @example
 * ```ts
 * defineSlotWrapper(machine, "int", isInt, "__neg__", "unary", (self) => negate(self));
 * ```
 * @internal
 */
export function defineSlotWrapper(
  m: Machine,
  typeName: string,
  isSelf: (obj: Ptr) => boolean,
  name: string,
  arity: SlotArity,
  fn: (self: Ptr, args: readonly Ptr[]) => Ptr,
): void {
  defineMethod(m, typeName, name, (_context, args, keywords) => {
    if (args.length === 0)
      m.raise("TypeError", `descriptor '${name}' of '${typeName}' object needs an argument`);
    const self = args[0]!;
    if (!isSelf(self))
      m.raise(
        "TypeError",
        `descriptor '${name}' requires a '${typeName}' object but received a '${m.typeName(self)}'`,
      );
    noKeywords(m, `wrapper ${name}`, keywords);
    const given = args.length - 1;
    if (arity === "ternary") {
      if (given < 1 || given > 2)
        m.raise(
          "TypeError",
          ` expected ${given < 1 ? "at least 1 argument" : "at most 2 arguments"}, got ${given}`,
        );
      return fn(self, [args[1]!, args[2] ?? m.heap.none]);
    }
    const expected = arity === "unary" ? 0 : 1;
    if (given !== expected)
      m.raise(
        "TypeError",
        `expected ${expected} argument${expected === 1 ? "" : "s"}, got ${given}`,
      );
    return fn(self, args.slice(1));
  });
}
