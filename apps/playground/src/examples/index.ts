import automaticDeallocationOutput from "./automatic-deallocation.expected.txt?raw";
import automaticDeallocation from "./automatic-deallocation.py?raw";
import cyclesAndTheCollectorOutput from "./cycles-and-the-collector.expected.txt?raw";
import cyclesAndTheCollector from "./cycles-and-the-collector.py?raw";
import generationsOutput from "./generations.expected.txt?raw";
import generations from "./generations.py?raw";
import memoryPoolsOutput from "./memory-pools.expected.txt?raw";
import memoryPools from "./memory-pools.py?raw";
import referenceCountingOutput from "./reference-counting.expected.txt?raw";
import referenceCounting from "./reference-counting.py?raw";
import weakrefsAndFinalizersOutput from "./weakrefs-and-finalizers.expected.txt?raw";
import weakrefsAndFinalizers from "./weakrefs-and-finalizers.py?raw";

/**
 * A shipped example program.
 *
 * @example
 * ```ts
 * const example = EXAMPLES.find((e) => e.id === "cycles-and-the-collector")!;
 * ```
 */
export interface Example {
  /** Stable id: the file name without `.py` (used in the picker and the URL hash). */
  readonly id: string;
  /** Title shown in the picker. */
  readonly title: string;
  /** The Python source. */
  readonly source: string;
  /** What CPython 3.13 prints for it (`PYENV_VERSION=3.13.0 python3 <id>.py`), kept beside it. */
  readonly expectedOutput: string;
  /** The views that show what it is about. */
  readonly watch: string;
}

/**
 * The shipped examples, one per mechanism of Python's memory management, in the picker's order.
 *
 * @example
 * ```ts
 * for (const example of EXAMPLES) console.log(example.title);
 * ```
 */
export const EXAMPLES: readonly Example[] = [
  {
    id: "reference-counting",
    title: "Reference counting",
    source: referenceCounting,
    expectedOutput: referenceCountingOutput,
    watch: "the refcount on the list node in the object graph as names and items point at it",
  },
  {
    id: "cycles-and-the-collector",
    title: "Cycles and the collector",
    source: cyclesAndTheCollector,
    expectedOutput: cyclesAndTheCollectorOutput,
    watch: "the two nodes turn red after del (unreachable) and vanish at gc.collect()",
  },
  {
    id: "automatic-deallocation",
    title: "Automatic allocation and deallocation",
    source: automaticDeallocation,
    expectedOutput: automaticDeallocationOutput,
    watch: "the output: __del__ runs the moment the last reference goes",
  },
  {
    id: "memory-pools",
    title: "Memory pools",
    source: memoryPools,
    expectedOutput: memoryPoolsOutput,
    watch:
      "the arena map filling with pools of one block size each, then emptying: the statement after del points shows whole arenas released (dashed red)",
  },
  {
    id: "weakrefs-and-finalizers",
    title: "Weakrefs and finalizers",
    source: weakrefsAndFinalizers,
    expectedOutput: weakrefsAndFinalizersOutput,
    watch: "the dashed weak edge: it does not count, and the callback runs after __del__",
  },
  {
    id: "generations",
    title: "Generations",
    source: generations,
    expectedOutput: generationsOutput,
    watch:
      "the gen label on the list node moving 0 → 1 → 2, and the timeline's bars per generation",
  },
];
