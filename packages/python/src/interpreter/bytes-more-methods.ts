import type { Ptr } from "@pymem/core";
import { checkBytesSize, isBytesLike, newBytes, newBytesOfType } from "./bytes-objects.js";
import { indexArgument } from "./bytes-operations.js";
import { newCallableWrapper } from "./class-creation.js";
import type { Machine } from "./machine.js";
import { bufferData } from "./memoryview-objects.js";
import { defineMethod, type Keywords, keyword } from "./native-arguments.js";

/**
 * `bytes` / `bytearray` methods beyond bytes-methods.ts: the static `maketrans`, `translate`,
 * `expandtabs`, `istitle`, `removeprefix` and `removesuffix`, as CPython's
 * `Objects/bytes_methods.c`, `bytesobject.c` and `bytearrayobject.c` define them. Arguments are
 * any buffer (bytes, bytearray, memoryview, array). An unchanged `bytes` (exact type) is returned
 * as the same object, as CPython does; a `bytearray` always gets a new one.
 *
 * @module
 */

const UPPER = (byte: number): boolean => byte >= 0x41 && byte <= 0x5a;
const LOWER = (byte: number): boolean => byte >= 0x61 && byte <= 0x7a;

/**
 * Installs the methods into `bytes` and `bytearray`.
 *
 * @example
 * ```ts
 * installMoreBytesMethods(machine);
 * ```
 * @internal
 */
export function installMoreBytesMethods(m: Machine): void {
  for (const typeName of ["bytes", "bytearray"]) {
    const type = typeName === "bytes" ? m.types.bytes : m.types.bytearray;
    const isSelf = (obj: Ptr): boolean => isBytesLike(m, obj);
    const buffer = (value: Ptr): Uint8Array =>
      bufferData(m, value) ??
      m.raise("TypeError", `a bytes-like object is required, not '${m.typeName(value)}'`);
    // The result: the receiver itself when unchanged and an exact bytes, else a new object.
    const result = (self: Ptr, data: Uint8Array, changed: boolean): Ptr =>
      !changed && m.typeIdOf(self) === m.types.bytes
        ? m.incref(self)
        : newBytesOfType(m, type, data.slice());
    const method = (
      name: string,
      fn: (self: Ptr, data: Uint8Array, args: readonly Ptr[], keywords: Keywords) => Ptr,
    ): void =>
      defineMethod(m, typeName, name, (_context, args, keywords) => {
        const self = args[0]!;
        if (!isSelf(self))
          m.raise(
            "TypeError",
            `descriptor '${name}' for '${typeName}' objects doesn't apply to a '${m.typeName(self)}' object`,
          );
        return fn(self, buffer(self), args.slice(1), keywords);
      });
    const positional = (
      name: string,
      args: readonly Ptr[],
      keywords: readonly unknown[],
      count: number,
    ): void => {
      if (keywords.length > 0)
        m.raise("TypeError", `${typeName}.${name}() takes no keyword arguments`);
      if (args.length !== count)
        m.raise(
          "TypeError",
          `${typeName}.${name}() takes ${count === 0 ? "no arguments" : "exactly one argument"} (${args.length} given)`,
        );
    };

    // CPython: bytes_maketrans_impl, a static method on both types; the table is always bytes.
    const maketrans = m.newBuiltin(
      m.addNative("maketrans", (_context, args, keywords) => {
        if (keywords.length > 0) m.raise("TypeError", "maketrans() takes no keyword arguments");
        if (args.length !== 2)
          m.raise("TypeError", `maketrans expected 2 arguments, got ${args.length}`);
        const from = buffer(args[0]!);
        const to = buffer(args[1]!);
        if (from.length !== to.length)
          m.raise("ValueError", "maketrans arguments must have same length");
        const table = new Uint8Array(256);
        for (let i = 0; i < 256; i++) table[i] = i;
        for (let i = 0; i < from.length; i++) table[from[i]!] = to[i]!;
        return newBytes(m, table);
      }),
      0,
    );
    try {
      const wrapper = newCallableWrapper(m, m.descriptorTypes.staticmethod, maketrans);
      try {
        m.heap.dictSetItem(m.typeDict(m.builtinType(typeName)), m.name("maketrans"), wrapper);
      } finally {
        m.decref(wrapper);
      }
    } finally {
      m.decref(maketrans);
    }

    // CPython: bytes_translate_impl / bytearray_translate_impl (table, /, delete=b'').
    method("translate", (self, data, args, keywords) => {
      if (args.length < 1)
        m.raise(
          "TypeError",
          `translate() takes at least 1 positional argument (${args.length} given)`,
        );
      const options = keyword(m, "translate", keywords, ["delete"]);
      if (args.length + options.size > 2)
        m.raise(
          "TypeError",
          `translate() takes at most 2 arguments (${args.length + options.size} given)`,
        );
      const tableObj = args[0]!;
      const table = tableObj === m.heap.none ? undefined : buffer(tableObj);
      if (table !== undefined && table.length !== 256)
        m.raise("ValueError", "translation table must be 256 characters long");
      const deleteObj = args[1] ?? options.get("delete");
      const deleted = new Set(deleteObj === undefined ? [] : buffer(deleteObj));
      const out = new Uint8Array(data.length);
      let size = 0;
      let changed = false;
      for (const byte of data) {
        if (deleted.has(byte)) {
          changed = true;
          continue;
        }
        const mapped = table === undefined ? byte : table[byte]!;
        if (mapped !== byte) changed = true;
        out[size++] = mapped;
      }
      return result(self, out.subarray(0, size), changed);
    });

    // CPython: stringlib_expandtabs (tabsize=8); a tab pads to the next multiple of tabsize,
    // columns restart after \n and \r.
    method("expandtabs", (self, data, args, keywords) => {
      const options = keyword(m, "expandtabs", keywords, ["tabsize"]);
      if (args.length + options.size > 1)
        m.raise(
          "TypeError",
          `expandtabs() takes at most 1 argument (${args.length + options.size} given)`,
        );
      const tabsizeObj = args[0] ?? options.get("tabsize");
      const tabsize = tabsizeObj === undefined ? 8 : indexArgument(m, tabsizeObj);
      let size = 0;
      let column = 0;
      for (const byte of data) {
        if (byte === 0x09) {
          if (tabsize > 0) {
            const pad = tabsize - (column % tabsize);
            column += pad;
            size += pad;
          }
        } else {
          size++;
          column = byte === 0x0a || byte === 0x0d ? 0 : column + 1;
        }
        checkBytesSize(m.heap, size);
      }
      const out = new Uint8Array(size);
      let at = 0;
      column = 0;
      for (const byte of data) {
        if (byte === 0x09) {
          if (tabsize > 0) {
            const pad = tabsize - (column % tabsize);
            out.fill(0x20, at, at + pad);
            at += pad;
            column += pad;
          }
        } else {
          out[at++] = byte;
          column = byte === 0x0a || byte === 0x0d ? 0 : column + 1;
        }
      }
      return result(self, out, size !== data.length);
    });

    // CPython: _Py_bytes_istitle.
    method("istitle", (_self, data, args, keywords) => {
      positional("istitle", args, keywords, 0);
      let cased = false;
      let previousCased = false;
      for (const byte of data) {
        if (UPPER(byte)) {
          if (previousCased) return m.heap.false;
          previousCased = cased = true;
        } else if (LOWER(byte)) {
          if (!previousCased) return m.heap.false;
          previousCased = cased = true;
        } else previousCased = false;
      }
      return m.newBool(cased);
    });

    // CPython: bytes_removeprefix_impl / bytes_removesuffix_impl (and bytearray's).
    for (const name of ["removeprefix", "removesuffix"])
      method(name, (self, data, args, keywords) => {
        positional(name, args, keywords, 1);
        const affix = buffer(args[0]!);
        const prefix = name === "removeprefix";
        const at = prefix ? 0 : data.length - affix.length;
        let matches = affix.length > 0 && affix.length <= data.length;
        for (let k = 0; matches && k < affix.length; k++) matches = data[at + k] === affix[k];
        if (!matches) return result(self, data, false);
        return result(
          self,
          prefix ? data.subarray(affix.length) : data.subarray(0, data.length - affix.length),
          true,
        );
      });
  }
}
