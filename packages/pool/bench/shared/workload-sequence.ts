import { drawRequestSize, FNV1A_OFFSET_BASIS, fnv1a, Xorshift32 } from "./xorshift32.js";

/**
 * The three shapes of allocation workload the C anchor also knows.
 *
 * - `"churn"`: keep `size` blocks live; each of `units` steps frees a random live block and
 *   allocates a new one in its slot (the fill and the final free-all are not timed).
 * - `"batch"`: each of `units` rounds allocates `size` blocks, then frees them in one shuffled order.
 * - `"lifo"`: like batch, but frees newest-first (the best case of a list-based allocator).
 *
 * @example
 * ```ts
 * const kind: WorkloadKind = "churn";
 * ```
 */
export type WorkloadKind = "churn" | "batch" | "lifo";

/**
 * One named workload: its shape and how much of it to run.
 *
 * @example
 * ```ts
 * const hot: WorkloadSpec = { name: "hot", kind: "churn", size: 1024, units: 2_000_000, description: "" };
 * ```
 */
export interface WorkloadSpec {
  /** Short name used on the command line (`--workload hot`) and in the JSON. */
  name: string;
  /** The shape. */
  kind: WorkloadKind;
  /** `churn`: live blocks; `batch` / `lifo`: blocks allocated per round. */
  size: number;
  /** `churn`: steps; `batch` / `lifo`: rounds. */
  units: number;
  /** One line for the table header. */
  description: string;
}

/**
 * Every random slot and size of one workload, drawn before any clock starts.
 *
 * @remarks
 * For `churn`, `initialSizes` fills the live set, then step `s` frees slot `slots[s]` and
 * allocates `sizes[s]` bytes. For `batch` / `lifo`, round after round allocates `sizes[i]` into
 * slot `i`, then frees slot `slots[0]`, `slots[1]`, … (a permutation).
 *
 * @example
 * ```ts
 * const sequence = drawWorkloadSequence(spec, 0x9e3779b9);
 * console.log(sequence.checksum.toString(16));
 * ```
 */
export interface WorkloadSequence {
  /** `churn` only: sizes of the initial live blocks (empty otherwise). */
  initialSizes: Uint32Array;
  /** `churn`: the slot freed at each step; `batch` / `lifo`: the free order. */
  slots: Uint32Array;
  /** `churn`: the size allocated at each step; `batch` / `lifo`: the size of block `i`. */
  sizes: Uint32Array;
  /** FNV-1a over everything above, in the order the C anchor hashes it. */
  checksum: number;
  /** Free+malloc pairs per timed run (`units` for churn, `size * units` otherwise). */
  operations: number;
}

/**
 * Draws a workload's whole sequence, exactly as `draw_sequence()` in the C anchor does.
 *
 * @example
 * ```ts
 * const { sizes, slots } = drawWorkloadSequence({ name: "batch", kind: "batch", size: 1000, units: 1, description: "" }, 1);
 * ```
 */
export function drawWorkloadSequence(spec: WorkloadSpec, seed: number): WorkloadSequence {
  const random = new Xorshift32(seed);
  const { size, units } = spec;
  if (spec.kind === "churn") {
    const initialSizes = new Uint32Array(size);
    const slots = new Uint32Array(units);
    const sizes = new Uint32Array(units);
    for (let i = 0; i < size; i++) initialSizes[i] = drawRequestSize(random);
    for (let step = 0; step < units; step++) {
      slots[step] = random.below(size);
      sizes[step] = drawRequestSize(random);
    }
    let checksum = fnv1a(FNV1A_OFFSET_BASIS, initialSizes);
    checksum = fnv1a(checksum, slots);
    checksum = fnv1a(checksum, sizes);
    return { initialSizes, slots, sizes, checksum, operations: units };
  }
  const sizes = new Uint32Array(size);
  const slots = new Uint32Array(size);
  for (let i = 0; i < size; i++) sizes[i] = drawRequestSize(random);
  if (spec.kind === "batch") {
    for (let i = 0; i < size; i++) slots[i] = i;
    // Fisher–Yates from the top, as the C anchor does.
    for (let i = size - 1; i > 0; i--) {
      const j = random.below(i + 1);
      const swap = slots[i] as number;
      slots[i] = slots[j] as number;
      slots[j] = swap;
    }
  } else {
    for (let i = 0; i < size; i++) slots[i] = size - 1 - i;
  }
  const checksum = fnv1a(fnv1a(FNV1A_OFFSET_BASIS, sizes), slots);
  return { initialSizes: new Uint32Array(0), slots, sizes, checksum, operations: size * units };
}
