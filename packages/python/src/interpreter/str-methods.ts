import type { Ptr } from "@pymem/core";
import { ObjectKind } from "@pymem/heap";
import { firstWhitespaceRun, stripWhitespace } from "../unicode/python-whitespace.js";
import { convertCase, strPredicate } from "../unicode/str-unicode.js";
import { codePointLength } from "./code-points.js";
import { iterate } from "./iteration.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod, type Keywords, keyword } from "./native-arguments.js";
import { getItem, keyError } from "./object-access.js";
import { checkStrSize, StrSize } from "./result-size.js";
import { formatTemplate } from "./str-format.js";

/**
 * Installs the methods of `str` (`join`, `split`, `strip`, `upper`, `replace`, `startswith`,
 * `find`, `zfill`, `ljust`, `format`, …) into its type dict, with CPython's argument checking and
 * error messages.
 *
 * @example
 * ```ts
 * installStrMethods(machine);
 * ```
 * @internal
 */
export function installStrMethods(m: Machine): void {
  const heap = m.heap;
  const str = (
    name: string,
    min: number,
    max: number,
    fn: (self: string, args: readonly Ptr[], keywords: Keywords, selfObj: Ptr) => Ptr,
  ): void =>
    defineTypeMethod(
      m,
      "str",
      (obj) => heap.kinds[m.typeIdOf(obj)] === ObjectKind.STR,
      name,
      min,
      max,
      name === "format" || name === "split",
      (self, rest, keywords) => fn(heap.strValue(self), rest, keywords, self),
    );
  const textArgument = (value: Ptr, what: string): string => {
    if (!m.isStr(value)) m.raise("TypeError", `${what} must be str, not ${m.typeName(value)}`);
    return heap.strValue(value);
  };

  str("join", 1, 1, (self, [iterable]) => {
    const parts: string[] = [];
    const size = new StrSize(heap);
    iterate(m, iterable!, (item) => {
      if (!m.isStr(item))
        m.raise(
          "TypeError",
          `sequence item ${parts.length}: expected str instance, ${m.typeName(item)} found`,
        );
      const part = heap.strValue(item);
      size.add(part.length + (parts.length > 0 ? self.length : 0));
      parts.push(part);
      return true;
    });
    return m.newStr(parts.join(self));
  });
  str("split", 0, 2, (self, args, keywords) => {
    const options = keyword(m, "split", keywords, ["sep", "maxsplit"]);
    const sepObj = args[0] ?? options.get("sep");
    const maxObj = args[1] ?? options.get("maxsplit");
    const max = maxObj !== undefined ? m.intArgument(maxObj, "maxsplit") : -1;
    let parts: string[];
    if (sepObj === undefined || sepObj === heap.none) {
      parts = [];
      let rest = stripWhitespace(self, true, false);
      while (rest !== "") {
        if (max >= 0 && parts.length === max) {
          parts.push(stripWhitespace(rest, false, true));
          break;
        }
        const match = firstWhitespaceRun(rest);
        if (match === null) {
          parts.push(rest);
          break;
        }
        parts.push(rest.slice(0, match.index));
        rest = rest.slice(match.index + match[0].length);
      }
    } else {
      const sep = textArgument(sepObj, "must be str or None, not");
      if (sep === "") m.raise("ValueError", "empty separator");
      parts = self.split(sep);
      if (max >= 0 && parts.length > max + 1)
        parts = [...parts.slice(0, max), parts.slice(max).join(sep)];
    }
    return m.newStrList(parts);
  });
  const strip = (name: string, fn: (text: string, chars: string | undefined) => string): void =>
    str(name, 0, 1, (self, [chars]) =>
      m.newStr(
        fn(
          self,
          chars === undefined || chars === heap.none
            ? undefined
            : textArgument(chars, `${name} arg`),
        ),
      ),
    );
  const charsPattern = (chars: string): string => `[${chars.replace(/[\\\]^-]/g, "\\$&")}]`;
  strip("strip", (text, chars) =>
    chars === undefined
      ? stripWhitespace(text, true, true)
      : text.replace(new RegExp(`^${charsPattern(chars)}+|${charsPattern(chars)}+$`, "gu"), ""),
  );
  strip("lstrip", (text, chars) =>
    chars === undefined
      ? stripWhitespace(text, true, false)
      : text.replace(new RegExp(`^${charsPattern(chars)}+`, "u"), ""),
  );
  strip("rstrip", (text, chars) =>
    chars === undefined
      ? stripWhitespace(text, false, true)
      : text.replace(new RegExp(`${charsPattern(chars)}+$`, "u"), ""),
  );
  for (const conversion of ["upper", "lower", "title", "capitalize"] as const)
    str(conversion, 0, 0, (self) => m.newStr(convertCase(conversion, self)));
  str("replace", 2, 3, (self, [old, replacement, countObj]) => {
    const from = textArgument(old!, "replace() argument 1");
    const to = textArgument(replacement!, "replace() argument 2");
    let count = countObj !== undefined ? m.intArgument(countObj, "count") : -1;
    const codePoints = from === "" ? [...self] : undefined;
    if (to.length > from.length) {
      const occurrences =
        codePoints !== undefined ? codePoints.length + 1 : self.split(from).length - 1;
      const replaced = count < 0 ? occurrences : Math.min(count, occurrences);
      checkStrSize(heap, self.length + replaced * (to.length - from.length));
    }
    // CPython: replace() with an empty needle inserts before every code point and at the end.
    if (codePoints !== undefined) {
      const inserts = count < 0 ? codePoints.length + 1 : Math.min(count, codePoints.length + 1);
      let result = "";
      for (let i = 0; i < codePoints.length; i++) result += (i < inserts ? to : "") + codePoints[i];
      return m.newStr(inserts > codePoints.length ? result + to : result);
    }
    if (count < 0) return m.newStr(self.split(from).join(to));
    let result = "";
    let rest = self;
    while (count-- > 0) {
      const index = rest.indexOf(from);
      if (index < 0) break;
      result += rest.slice(0, index) + to;
      rest = rest.slice(index + from.length);
    }
    return m.newStr(result + rest);
  });
  for (const predicate of ["isdigit", "isalpha", "isspace"] as const)
    str(predicate, 0, 0, (self) => m.newBool(strPredicate(predicate, self)));
  str("zfill", 1, 1, (self, [width]) => {
    const size = m.intArgument(width!, "width");
    checkStrSize(heap, size);
    const sign = self.startsWith("-") || self.startsWith("+") ? self[0]! : "";
    const padding = Math.max(0, size - codePointLength(self));
    return m.newStr(sign + "0".repeat(padding) + self.slice(sign.length));
  });
  const pad = (name: string, fn: (text: string, width: number, fill: string) => string): void =>
    str(name, 1, 2, (self, [width, fill]) => {
      const size = m.intArgument(width!, "width");
      checkStrSize(heap, size);
      return m.newStr(
        fn(self, size, fill !== undefined ? textArgument(fill, "fill character") : " "),
      );
    });
  // Widths count code points (CPython), not UTF-16 units; the fill is one code point.
  pad(
    "ljust",
    (text, width, fill) => text + fill.repeat(Math.max(0, width - codePointLength(text))),
  );
  pad(
    "rjust",
    (text, width, fill) => fill.repeat(Math.max(0, width - codePointLength(text))) + text,
  );
  pad("center", (text, width, fill) => {
    const padding = Math.max(0, width - codePointLength(text));
    const left = Math.floor(padding / 2) + (padding & width & 1);
    return fill.repeat(left) + text + fill.repeat(padding - left);
  });
  // CPython: unicode_format / do_string_format.
  str("format", 0, Number.MAX_SAFE_INTEGER, (self, args, keywords) =>
    m.newStr(
      formatTemplate(m, self, {
        args,
        named: (key) => {
          const value = keywords.find(([name]) => name === key)?.[1];
          if (value === undefined) throw m.exception(keyError(m, m.name(key)));
          return m.incref(value);
        },
      }),
    ),
  );
  // CPython: unicode_format_map / do_string_format_map: named fields are mapping[key].
  str("format_map", 1, 1, (self, [mapping]) =>
    m.newStr(
      formatTemplate(m, self, {
        args: undefined,
        named: (key) => {
          const keyObj = m.newStr(key);
          try {
            return getItem(m, mapping!, keyObj);
          } finally {
            m.decref(keyObj);
          }
        },
      }),
    ),
  );
}
