/**
 * Generated adversarial programs (issue 11): a class whose `__eq__`, `__lt__`, `__repr__` or
 * `__del__` — or a key function — mutates the list or dict that a built-in is
 * working on, then that built-in. Each program is a pure function of its seed, prints what
 * happened (the exception type, the containers' final sizes and contents), and runs the same under
 * CPython 3.13 and pymem, so CPython's output is the oracle; `verify()` is the other.
 *
 * @internal
 */

/**
 * The callbacks a program can make mutating. `__hash__` is defined but never armed: pymem's dicts
 * do not call a user `__hash__` yet (instances hash by identity), so its output would differ for
 * that reason alone.
 */
const HOOKS = ["eq", "lt", "repr", "del", "key"] as const;

/** Mutations of `l` and `d` a callback performs (each at most once per budget unit). */
const MUTATIONS = [
  "l.clear()",
  "l.append(C(99))",
  "l.pop() if l else None",
  "l.insert(0, C(-1))",
  "l.sort() if len(l) < 4 else None",
  "d.clear()",
  "d[100] = C(100)",
  "d.pop(0, None)",
  "d.pop(1, None)",
  "l.extend([C(7), C(8)])",
] as const;

/** Built-ins and operations that call back into Python while holding `l` or `d`. */
const OPERATIONS = [
  "l.sort()",
  "l.sort(key=key)",
  "l.sort(key=key, reverse=True)",
  "r = sorted(l, key=key)",
  "r = min(l, key=key)",
  "r = max(l)",
  "r = C(1) in l",
  "r = l.index(C(2))",
  "r = l.count(C(1))",
  "l.remove(C(1))",
  "r = repr(l)",
  "r = repr(d)",
  "r = str(d)",
  "r = d == {k: C(k) for k in range(3)}",
  "d.update({k: C(k) for k in range(3)})",
  "r = d.copy()",
  "r = list(d.values())",
  "r = [x for x in l]",
  "r = l == [C(0), C(1), C(2)]",
  "for v in d.values():\n        key(v)",
  "for k in d:\n        key(d[k])",
] as const;

/** A small deterministic PRNG (mulberry32), so a seed names one program everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The program of `seed`: two or three hooks armed with a mutation each, a budget of how many
 * times mutations may run, and two operations.
 *
 * @example
 * ```ts
 * const source = callbackMutationProgram(7);
 * ```
 * @internal
 */
export function callbackMutationProgram(seed: number): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const armed = new Map<string, string>();
  const hookCount = 1 + Math.floor(next() * 3);
  for (let i = 0; i < hookCount; i++) armed.set(pick(HOOKS), pick(MUTATIONS));
  const mutate = (hook: string): string => {
    const mutation = armed.get(hook);
    return mutation === undefined
      ? ""
      : `        if budget:\n            budget.pop()\n            ${mutation}\n`;
  };
  const budget = 1 + Math.floor(next() * 4);
  const size = 2 + Math.floor(next() * 4);
  const operations = [pick(OPERATIONS), pick(OPERATIONS)];
  const lines = [
    `# callback mutation program, seed ${seed}`,
    `budget = [1] * ${budget}`,
    "class C:",
    "    def __init__(self, n):",
    "        self.n = n",
    "    def __eq__(self, other):",
    `${mutate("eq")}        return isinstance(other, C) and self.n == other.n`,
    "    def __lt__(self, other):",
    `${mutate("lt")}        return self.n < other.n`,
    "    def __hash__(self):",
    `${mutate("hash")}        return hash(self.n)`,
    "    def __repr__(self):",
    `${mutate("repr")}        return f"C({self.n})"`,
    "    def __del__(self):",
    `${mutate("del")}        pass`,
    "def key(x):",
    `${mutate("key").replace(/^ {4}/gm, "")}    return x.n`,
    `l = [C(i) for i in [${Array.from({ length: size }, (_, i) => (i * 7 + seed) % size).join(", ")}]]`,
    `d = {i: C(i) for i in range(${size})}`,
  ];
  for (const operation of operations)
    lines.push(
      "try:",
      `    ${operation}`,
      "    print('ok')",
      "except Exception as e:",
      "    print(type(e).__name__)",
    );
  lines.push(
    "budget.clear()",
    "print(len(l), sorted(x.n for x in l))",
    "print(len(d), sorted((k, v.n) for k, v in d.items()))",
  );
  return `${lines.join("\n")}\n`;
}
