import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import {
  bindPythonArguments,
  expectOneArgument,
  floatResult,
  integerArgument,
  integerResult,
  type PythonSignature,
} from "./arguments.js";
import { nextDouble, randomBits, STATE_WORDS } from "./mersenne-twister.js";
import { whenDisposed } from "./module-support.js";
import { randomDistributionMethods } from "./random-distributions.js";
import { randomSequenceMethods } from "./random-sequences.js";
import {
  forgetDecodedStates,
  newStateList,
  STATE_ATTRIBUTE,
  seededState,
  seedKey,
  withState,
} from "./random-state.js";

/**
 * Python's `random` module: CPython's Mersenne Twister, seeded and drawn exactly as CPython 3.13
 * does, so seeded programs print CPython's numbers. `random.Random` is a class whose methods are
 * natives; the module's functions are the bound methods of a hidden instance `_inst`, as in
 * CPython.
 *
 * @module
 */

/** `Random.VERSION`, the first item of `getstate()`. */
const STATE_VERSION = 3;

const INIT: PythonSignature = {
  qualifiedName: "Random.__init__",
  parameters: ["self", "x"],
  required: 1,
  keywordOnly: [],
};
const SEED: PythonSignature = {
  qualifiedName: "Random.seed",
  parameters: ["self", "a", "version"],
  required: 1,
  keywordOnly: [],
};
const SETSTATE: PythonSignature = {
  qualifiedName: "Random.setstate",
  parameters: ["self", "state"],
  required: 2,
  keywordOnly: [],
};
const GETSTATE: PythonSignature = {
  qualifiedName: "Random.getstate",
  parameters: ["self"],
  required: 1,
  keywordOnly: [],
};

/** A new reference to a tuple of `items` (new references, consumed). */
function tupleOfOwned(context: NativeContext, items: Ptr[]): Ptr {
  try {
    return context.heap.newTuple(items);
  } finally {
    for (const item of items) context.release(item);
  }
}

/** Installs a fresh state seeded with `key` and clears `gauss_next`. */
function installState(context: NativeContext, self: Ptr, key: readonly number[]): void {
  const list = newStateList(context, seededState(key));
  try {
    context.setAttribute(self, STATE_ATTRIBUTE, list);
  } finally {
    context.release(list);
  }
  context.setAttribute(self, "gauss_next", context.heap.none);
}

/** CPython: `random_setstate()` — the 625-int tuple of the C generator. */
function setInternalState(context: NativeContext, self: Ptr, internal: Ptr, version: number): void {
  const heap = context.heap;
  if (heap.kindOf(internal) !== ObjectKind.TUPLE)
    context.raise("TypeError", "state vector must be a tuple");
  if (heap.tupleLength(internal) !== STATE_WORDS + 1)
    context.raise("ValueError", "state vector is the wrong size");
  const state = seededState([0]);
  for (let i = 0; i <= STATE_WORDS; i++) {
    const item = heap.tupleGetItem(internal, i);
    let value = integerArgument(context, item);
    if (i < STATE_WORDS) {
      // Version 2 states (Python 2) may hold words beyond 32 bits: `x % 2**32`.
      if (version === 2) value = ((value % 2 ** 32) + 2 ** 32) % 2 ** 32;
      if (value < 0) context.raise("OverflowError", "can't convert negative int to unsigned");
      state.words[i] = value % 2 ** 32;
    } else {
      if (value < 0 || value > STATE_WORDS) context.raise("ValueError", "invalid state");
      state.index = value;
    }
  }
  const list = newStateList(context, state);
  try {
    context.setAttribute(self, STATE_ATTRIBUTE, list);
  } finally {
    context.release(list);
  }
}

/** The core methods of `Random` (state, seeding, raw draws). */
const randomCoreMethods: Record<string, NativeFunction> = {
  // CPython: Random.__init__(x=None) — self.seed(x), gauss_next = None.
  __init__(context, args, keywords) {
    const [self, x] = bindPythonArguments(context, INIT, args, keywords);
    const seed = context.getAttribute(self!, "seed");
    try {
      context.release(context.call(seed, x === undefined ? [] : [x]));
    } finally {
      context.release(seed);
    }
    context.setAttribute(self!, "gauss_next", context.heap.none);
    return context.newReference(context.heap.none);
  },
  // CPython: Random.seed(a=None, version=2), then random_seed().
  seed(context, args, keywords) {
    const [self, a, versionObj] = bindPythonArguments(context, SEED, args, keywords);
    const heap = context.heap;
    const version =
      versionObj === undefined
        ? 2
        : heap.kindOf(versionObj) === ObjectKind.INT || heap.kindOf(versionObj) === ObjectKind.BOOL
          ? heap.numberValue(versionObj)
          : Number.NaN;
    installState(context, self!, seedKey(context, a, version));
    return context.newReference(heap.none);
  },
  // CPython: random_random() (genrand_res53).
  random(context, args, keywords) {
    if (keywords.length > 0)
      context.raise("TypeError", "Random.random() takes no keyword arguments");
    if (args.length !== 1)
      context.raise("TypeError", `Random.random() takes no arguments (${args.length - 1} given)`);
    return floatResult(context, withState(context, args[0]!, nextDouble));
  },
  // CPython: _random_Random_getrandbits_impl()
  getrandbits(context, args, keywords) {
    const k = integerArgument(
      context,
      expectOneArgument(context, "Random.getrandbits", args.slice(1), keywords),
    );
    if (k < 0) context.raise("ValueError", "number of bits must be non-negative");
    return integerResult(
      context,
      withState(context, args[0]!, (state) => randomBits(state, k)),
    );
  },
  // CPython: Random.randbytes(n) — getrandbits(n * 8).to_bytes(n, 'little').
  randbytes(context, args, keywords) {
    const n = integerArgument(
      context,
      expectOneArgument(context, "Random.randbytes", args.slice(1), keywords),
    );
    if (n < 0) context.raise("ValueError", "number of bits must be non-negative");
    let value = withState(context, args[0]!, (state) => randomBits(state, n * 8));
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      bytes[i] = Number(value & 0xffn);
      value >>= 8n;
    }
    return context.newBytes(bytes);
  },
  // CPython: Random.getstate() — (VERSION, the C state tuple, gauss_next).
  getstate(context, args, keywords) {
    const [self] = bindPythonArguments(context, GETSTATE, args, keywords);
    const heap = context.heap;
    const list = context.getAttribute(self!, STATE_ATTRIBUTE);
    let internal: Ptr;
    try {
      const items: Ptr[] = [];
      for (let i = 0; i <= STATE_WORDS; i++)
        items.push(context.newReference(heap.listGetItem(list, i)));
      internal = tupleOfOwned(context, items);
    } finally {
      context.release(list);
    }
    return tupleOfOwned(context, [
      heap.newInt(STATE_VERSION),
      internal,
      context.getAttribute(self!, "gauss_next"),
    ]);
  },
  // CPython: Random.setstate(state)
  setstate(context, args, keywords) {
    const [self, state] = bindPythonArguments(context, SETSTATE, args, keywords);
    const heap = context.heap;
    const zero = heap.newInt(0);
    let versionObj: Ptr;
    try {
      versionObj = context.getItem(state!, zero);
    } finally {
      context.release(zero);
    }
    let version: number;
    try {
      version =
        heap.kindOf(versionObj) === ObjectKind.INT ? heap.numberValue(versionObj) : Number.NaN;
      if (version !== 3 && version !== 2)
        context.raise(
          "ValueError",
          `state with version ${context.str(versionObj)} passed to Random.setstate() of version ${STATE_VERSION}`,
        );
    } finally {
      context.release(versionObj);
    }
    const parts: Ptr[] = [];
    context.iterate(state!, (item) => {
      parts.push(item);
      return parts.length <= 3;
    });
    if (parts.length !== 3)
      context.raise(
        "ValueError",
        parts.length < 3
          ? `not enough values to unpack (expected 3, got ${parts.length})`
          : "too many values to unpack (expected 3)",
      );
    context.setAttribute(self!, "gauss_next", parts[2]!);
    setInternalState(context, self!, parts[1]!, version);
    return context.newReference(heap.none);
  },
};

/** Every native method of `Random`, by Python name. */
const RANDOM_METHODS: Record<string, NativeFunction> = {
  ...randomCoreMethods,
  ...randomSequenceMethods,
  ...randomDistributionMethods,
};

/** Module-level functions: the bound methods of `_inst` (CPython's list, minus binomialvariate). */
const MODULE_FUNCTIONS = Object.keys(RANDOM_METHODS).filter((name) => name !== "__init__");

/**
 * The module's Python part: the class, whose methods hand their packed arguments to the natives
 * (which check them with CPython's messages), and the module-level aliases. Plain functions in
 * the class make the natives bind as methods, as CPython's method descriptors do.
 */
const RANDOM_SOURCE = [
  "class Random:",
  "    VERSION = 3",
  ...Object.keys(RANDOM_METHODS).flatMap((name) => [
    `    def ${name}(self, *args, **kwargs):`,
    `        return _native_${name}(self, args, kwargs)`,
  ]),
  "_inst = Random()",
  ...MODULE_FUNCTIONS.map((name) => `${name} = _inst.${name}`),
  "",
].join("\n");

/**
 * A native taking `(self, args, kwargs)` as the Python wrapper passes them (pymem's calls have no
 * `**` unpacking), calling `fn` with them spread out.
 */
function unpacking(fn: NativeFunction): NativeFunction {
  return (context, packed) => {
    const heap = context.heap;
    const [self, tuple, dict] = packed as [Ptr, Ptr, Ptr];
    const args = [self];
    for (let i = 0; i < heap.tupleLength(tuple); i++) args.push(heap.tupleGetItem(tuple, i));
    const keywords = heap
      .dictItems(dict)
      .map(([key, value]) => [heap.strValue(key), value] as const);
    return fn(context, args, keywords);
  };
}

/**
 * Builds the `random` module the first time a script imports it.
 *
 * @remarks
 * `getrandbits(k)` and `randrange`/`randint` draw ints of any size as CPython does. `seed()`
 * accepts None, int,
 * bool, float and str (pymem has no bytes yet). Methods overridden in a subclass are not used
 * by the other methods (CPython's `choice` calls `self._randbelow`, `gauss` calls
 * `self.random`). The state lives in the instance attribute `_mt_state` (a list; CPython keeps
 * it inside the C object). Distributions computed through `log`, `exp`, `sin`, `cos` and `pow`
 * use correctly rounded versions; glibc's (CPython's on Linux) differ by one ulp for about one
 * argument in a few thousand, so rare draws of `gauss` & co. differ in the last digit.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { random: randomModule } });
 * interpreter.run("import random\nrandom.seed(42)\nprint(random.random())"); // 0.6394267984578837
 * ```
 */
export const randomModule: NativeModuleFactory = (context) => {
  whenDisposed(context, forgetDecodedStates);
  const members: [string, Ptr][] = [];
  try {
    for (const [name, fn] of Object.entries(RANDOM_METHODS))
      members.push([`_native_${name}`, context.newBuiltinFunction(name, unpacking(fn))]);
    return context.runModuleSource("random", RANDOM_SOURCE, members);
  } finally {
    for (const [, value] of members) context.release(value);
  }
};
