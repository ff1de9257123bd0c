import type { Machine, TypeRecord } from "./machine.js";

/**
 * The method resolution order of a new class: CPython's C3 linearization (`mro_implementation`),
 * with its TypeErrors for duplicate bases and inconsistent hierarchies.
 *
 * @module
 */

/**
 * The MRO of a new class with direct `bases`, without the class itself, which comes first
 * (CPython: `mro_implementation` → `pmerge`). Raises CPython 3.13's TypeError when a base is
 * repeated or no consistent order exists.
 *
 * @example
 * ```ts
 * const tail = linearizeBases(machine, [a, b]); // [a, b, object] for two plain classes
 * ```
 */
export function linearizeBases(m: Machine, bases: readonly TypeRecord[]): TypeRecord[] {
  for (let i = 0; i < bases.length; i++)
    for (let j = i + 1; j < bases.length; j++)
      if (bases[i] === bases[j]) m.raise("TypeError", `duplicate base class ${bases[i]!.name}`);
  if (bases.length === 1) return bases[0]!.mro.slice();
  // pmerge: repeatedly take the first head that is in no other list's tail.
  const sequences = bases.map((base) => base.mro.slice());
  sequences.push(bases.slice());
  const result: TypeRecord[] = [];
  for (;;) {
    let remaining = false;
    let chosen: TypeRecord | undefined;
    for (const sequence of sequences) {
      if (sequence.length === 0) continue;
      remaining = true;
      const head = sequence[0]!;
      if (!sequences.some((other) => other.indexOf(head) > 0)) {
        chosen = head;
        break;
      }
    }
    if (!remaining) return result;
    if (chosen === undefined) {
      // CPython: set_mro_error — the bases whose heads are still blocked, in order, once each.
      const blocked: string[] = [];
      for (const sequence of sequences) {
        const head = sequence[0];
        if (head !== undefined && !blocked.includes(head.name)) blocked.push(head.name);
      }
      m.raise(
        "TypeError",
        `Cannot create a consistent method resolution order (MRO) for bases ${blocked.join(", ")}`,
      );
    }
    result.push(chosen);
    for (const sequence of sequences) if (sequence[0] === chosen) sequence.shift();
  }
}
