import type { Ptr } from "@pymem/core";
import { newCallableWrapper } from "./class-creation.js";
import { PyException } from "./exceptions.js";
import { iterateDict } from "./iteration.js";
import { isInstance } from "./iterator-protocol.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod } from "./native-arguments.js";
import { getItem } from "./object-access.js";

/**
 * `str.maketrans` (a static method) and `str.translate`, as CPython's `unicode_maketrans_impl`
 * and `_PyUnicode_TranslateCharmap`: a table maps code points to code points, strings or None,
 * looked up with `table[ord(c)]`, so any mapping (or a user `__getitem__`) works.
 *
 * @module
 */

/**
 * Installs `str.maketrans` and `str.translate`.
 *
 * @example
 * ```ts
 * installStrTranslate(machine);
 * ```
 * @internal
 */
export function installStrTranslate(m: Machine): void {
  const heap = m.heap;
  const maketrans = m.newBuiltin(
    m.addNative("maketrans", (_context, args, keywords) => {
      if (keywords.length > 0) m.raise("TypeError", "str.maketrans() takes no keyword arguments");
      if (args.length < 1 || args.length > 3)
        m.raise(
          "TypeError",
          args.length < 1
            ? "maketrans expected at least 1 argument, got 0"
            : `maketrans expected at most 3 arguments, got ${args.length}`,
        );
      return args.length === 1 ? tableFromDict(m, args[0]!) : tableFromStrings(m, args);
    }),
    0,
  );
  const wrapper = newCallableWrapper(m, m.descriptorTypes.staticmethod, maketrans);
  m.decref(maketrans);
  heap.dictSetItem(m.typeDict(m.builtinType("str")), m.name("maketrans"), wrapper);
  m.decref(wrapper);
  defineTypeMethod(
    m,
    "str",
    (obj) => m.isStr(obj),
    "translate",
    1,
    1,
    false,
    (self, [table]) => m.newStr(translate(m, heap.strValue(self), table!)),
  );
}

/** `str.maketrans({...})`: keys as code points (one-character strings converted). */
function tableFromDict(m: Machine, mapping: Ptr): Ptr {
  const heap = m.heap;
  if (m.typeIdOf(mapping) !== heap.dictType)
    m.raise("TypeError", "if you give only one argument to maketrans it must be a dict");
  const table = heap.newDict();
  m.push(table);
  iterateDict(m, mapping, 3, (pair) => {
    const key = heap.tupleGetItem(pair, 0);
    const value = heap.tupleGetItem(pair, 1);
    try {
      if (m.isStr(key)) {
        const text = heap.strValue(key);
        if ([...text].length !== 1)
          m.raise("ValueError", "string keys in translate table must be of length 1");
        const code = m.newInt(text.codePointAt(0)!);
        heap.dictSetItem(table, code, value);
        m.decref(code);
      } else if (m.isInt(key)) heap.dictSetItem(table, key, value);
      else m.raise("TypeError", "keys in translate table must be strings or integers");
    } finally {
      m.decref(pair);
    }
    return true;
  });
  m.sp--;
  return table;
}

/** `str.maketrans(x, y[, z])`: x[i] → y[i], and every character of z → None. */
function tableFromStrings(m: Machine, args: readonly Ptr[]): Ptr {
  const heap = m.heap;
  const [x, y, z] = args;
  if (!m.isStr(x!))
    m.raise("TypeError", "first maketrans argument must be a string if there is a second argument");
  if (!m.isStr(y!))
    m.raise("TypeError", `maketrans() argument 2 must be str, not ${m.typeName(y!)}`);
  if (z !== undefined && !m.isStr(z))
    m.raise("TypeError", `maketrans() argument 3 must be str, not ${m.typeName(z)}`);
  const from = [...heap.strValue(x!)];
  const to = [...heap.strValue(y!)];
  if (from.length !== to.length)
    m.raise("ValueError", "the first two maketrans arguments must have equal length");
  const table = heap.newDict();
  m.push(table);
  const put = (char: string, value: Ptr): void => {
    const key = m.newInt(char.codePointAt(0)!);
    heap.dictSetItem(table, key, value);
    m.decref(key);
    m.decref(value);
  };
  for (const [i, char] of from.entries()) put(char, m.newInt(to[i]!.codePointAt(0)!));
  if (z !== undefined) for (const char of heap.strValue(z)) put(char, m.incref(heap.none));
  m.sp--;
  return table;
}

/** Each character looked up as `table[ord(c)]`; a LookupError keeps it. */
function translate(m: Machine, text: string, table: Ptr): string {
  const heap = m.heap;
  let result = "";
  for (const char of text) {
    const code = m.newInt(char.codePointAt(0)!);
    m.push(code);
    let mapped: Ptr;
    try {
      mapped = getItem(m, table, code);
    } catch (error) {
      if (!(error instanceof PyException) || !isInstance(m, error.value, "LookupError"))
        throw error;
      error.release(m);
      result += char;
      continue;
    } finally {
      m.sp--;
      m.decref(code);
    }
    try {
      if (mapped === heap.none) continue;
      if (m.isInt(mapped)) {
        const point = m.numberOf(mapped);
        if (point < 0 || point > 0x10ffff)
          m.raise("ValueError", "character mapping must be in range(0x110000)");
        result += String.fromCodePoint(point);
      } else if (m.isStr(mapped)) result += heap.strValue(mapped);
      else m.raise("TypeError", "character mapping must return integer, None or str");
    } finally {
      m.decref(mapped);
    }
  }
  return result;
}
