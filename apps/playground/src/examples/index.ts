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
  /**
   * The narrated tour: what the views show when the next line to run is the key (the line's
   * text without its indentation), in words a learner can follow step by step.
   */
  readonly tour: Readonly<Record<string, string>>;
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
    tour: {
      'print("a new list:", sys.getrefcount(a))':
        "a = [] made a list. One reference points at it \u2014 the arrow from a in the Global frame \u2014 so its refcount is 1.",
      "b = a":
        "sys.getrefcount(a) printed 2: one more than the real count, for the reference its own argument holds while it runs.",
      'print("after b = a:", sys.getrefcount(a))':
        "b = a copied the reference, not the list: a second arrow to the same box, refcount 2 (+1, highlighted).",
      'print("held twice by another list:", sys.getrefcount(a))':
        "pair = [a, a]: the new list's two items reference the list too \u2014 refcount 4. The references are counted, not the names.",
      'print("after del b:", sys.getrefcount(a))':
        "del b removed a name, not the object: one arrow fewer, refcount 3.",
      'print("after pair.clear():", sys.getrefcount(a))':
        "clear() dropped the two items' references: refcount 1, only a is left.",
      'print("small ints are immortal:", sys.getrefcount(7) > 1000000)':
        "Small ints, None, True and interned strings are immortal: their count never changes, so they are written in place instead of drawn as boxes.",
    },
  },
  {
    id: "cycles-and-the-collector",
    title: "Cycles and the collector",
    source: cyclesAndTheCollector,
    expectedOutput: cyclesAndTheCollectorOutput,
    watch: "the two nodes turn red after del (unreachable) and vanish at gc.collect()",
    tour: {
      "a.partner = b":
        "Two Node objects, each named by one variable. Their attributes are written in place (name = 'a', partner = None).",
      "del a":
        "a.partner = b and b.partner = a made a reference cycle: each Node has refcount 2 \u2014 its variable and the other Node.",
      "del b":
        "del a: the first Node lost its variable, but the other Node still references it, so its count is 1 and it stays alive.",
      'print("unreachable objects found:", gc.collect())':
        "del b: no variable reaches either Node any more, yet each keeps the other's count at 1. Reference counting alone can never free them: they are drawn red, waiting for the cycle collector.",
      'print("nothing left:", gc.collect())':
        "gc.collect() found the cycle and freed both Nodes: they are the dashed red ghosts, and the GC timeline has a bar for the collection (generation 2: a full one).",
    },
  },
  {
    id: "automatic-deallocation",
    title: "Automatic allocation and deallocation",
    source: automaticDeallocation,
    expectedOutput: automaticDeallocationOutput,
    watch: "the output: __del__ runs the moment the last reference goes",
    tour: {
      'print("working with", r.name)':
        "Inside work(): a new frame below the Global frame, with its local r pointing at the Resource it made.",
      'x = Resource("first")':
        "work() returned 42: its frame ended and dropped r's reference, the Resource's count reached 0 and __del__ printed 'close temporary' at once \u2014 before print could print the result.",
      'x = Resource("second")': "x names the 'first' Resource.",
      "del x":
        "x = Resource('second') made the new object first, then dropped the old one: its count reached 0, so 'close first' printed and its ghost is drawn (freed by reference counting).",
      'print("done")':
        "del x removed the last reference to 'second': freed at once, no collector involved.",
    },
  },
  {
    id: "memory-pools",
    title: "Memory pools",
    source: memoryPools,
    expectedOutput: memoryPoolsOutput,
    watch:
      "the arena map filling with pools of one block size each, then emptying: the statement after del points shows whole arenas released (dashed red)",
    tour: {
      "points.append((i, i * 0.5))":
        "Each iteration makes a tuple and a float. They come from pymalloc: the pool map shows pools of one block size each filling up.",
      'print(len(points), "tuples, each holding an int and a float")':
        "20,000 tuples and their floats now fill several arenas (the pool map grew).",
      "del points": "200 three-character strings came from other size classes.",
      'print("points freed")':
        "del points: the list's count reached 0, and freeing it freed its 20,000 tuples and floats in one cascade. Their pools emptied, and arenas whose pools are all free went back to the system.",
    },
  },
  {
    id: "weakrefs-and-finalizers",
    title: "Weakrefs and finalizers",
    source: weakrefsAndFinalizers,
    expectedOutput: weakrefsAndFinalizersOutput,
    watch: "the dashed weak edge: it does not count, and the callback runs after __del__",
    tour: {
      "ref = weakref.ref(obj, on_death)": "obj names a Cache object: refcount 1.",
      'print("ref() is obj:", ref() is obj)':
        "The weak reference reaches the Cache through a dashed green arrow that adds nothing to its count: still 1.",
      'print("after del obj, ref() is", ref())':
        "del obj dropped the only strong reference: __del__ ran first ('finalizing config'), then the weak reference was cleared and its callback called. The weakref box now says dead.",
    },
  },
  {
    id: "generations",
    title: "Generations",
    source: generations,
    expectedOutput: generationsOutput,
    watch:
      "the gen label on the list node moving 0 → 1 → 2, and the timeline's bars per generation",
    tour: {
      'print("new list in generation 0:", in_generation(survivor, 0))':
        "survivor is a new container, so the collector tracks it in generation 0 (gen 0 in its box).",
      'print("after collect(0), in generation 1:", in_generation(survivor, 1))':
        "It survived collect(0): survivors move one generation up, to generation 1.",
      'print("after collect(1), in generation 2:", in_generation(survivor, 2))':
        "It survived collect(1): generation 2, the oldest, collected least often.",
      "del young": "young.append(young): a list that contains itself \u2014 a cycle of one object.",
      'print("a young cycle, collected by collect(0):", gc.collect(0))':
        "del young: the list is unreachable (red). It is young, so a generation-0 collection is enough to free it.",
    },
  },
];
