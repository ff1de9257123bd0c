import type { Ptr } from "@pymem/core";
import { lastWhitespaceRun, stripWhitespace } from "../unicode/python-whitespace.js";
import { convertCase, strPredicate } from "../unicode/str-unicode.js";
import { isAsciiText } from "../unicode/unicode-database.js";
import type { Machine } from "./machine.js";
import { defineTypeMethod, type Keywords, keyword } from "./native-arguments.js";

/**
 * More methods of `str`, the ones real programs meet after the basics: the `is…` predicates
 * (`isalnum`, `isupper`, `islower`, `istitle`, `isdecimal`, `isnumeric`, `isascii`,
 * `isidentifier`, `isprintable`), `expandtabs`, `rsplit`,
 * `partition`/`rpartition`, `swapcase`, `casefold`, `removeprefix`/`removesuffix` (CPython:
 * Objects/unicodeobject.c, the `unicode_*_impl` functions), with CPython's argument errors.
 *
 * @module
 */

/**
 * Installs the methods into `str`'s type dict.
 *
 * @example
 * ```ts
 * installStrMoreMethods(machine);
 * ```
 * @internal
 */
export function installStrMoreMethods(m: Machine): void {
  const heap = m.heap;
  const str = (
    name: string,
    min: number,
    max: number,
    fn: (self: string, args: readonly Ptr[], keywords: Keywords) => Ptr,
  ): void =>
    defineTypeMethod(
      m,
      "str",
      (obj) => m.isStr(obj),
      name,
      min,
      max,
      name === "rsplit" || name === "expandtabs",
      (self, rest, keywords) => fn(heap.strValue(self), rest, keywords),
    );
  const text = (value: Ptr): string => {
    if (!m.isStr(value)) m.raise("TypeError", `must be str, not ${m.typeName(value)}`);
    return heap.strValue(value);
  };
  const predicate = (name: string, test: (self: string) => boolean): void =>
    str(name, 0, 0, (self) => m.newBool(test(self)));
  for (const name of [
    "isalnum",
    "isupper",
    "islower",
    "istitle",
    "isdecimal",
    "isnumeric",
    "isidentifier",
    "isprintable",
  ] as const)
    predicate(name, (self) => strPredicate(name, self));
  predicate("isascii", isAsciiText);

  str("expandtabs", 0, 1, (self, args, keywords) => {
    const options = keyword(m, "expandtabs", keywords, ["tabsize"]);
    const sizeObj = args[0] ?? options.get("tabsize");
    const size = sizeObj === undefined ? 8 : m.intArgument(sizeObj, "tabsize");
    let column = 0;
    let result = "";
    for (const character of self) {
      if (character === "\t") {
        const spaces = size > 0 ? size - (column % size) : 0;
        result += " ".repeat(spaces);
        column += spaces;
      } else {
        result += character;
        column = character === "\n" || character === "\r" ? 0 : column + 1;
      }
    }
    return m.newStr(result);
  });
  str("rsplit", 0, 2, (self, args, keywords) => {
    const options = keyword(m, "rsplit", keywords, ["sep", "maxsplit"]);
    const sepObj = args[0] ?? options.get("sep");
    const maxObj = args[1] ?? options.get("maxsplit");
    const max = maxObj !== undefined ? m.intArgument(maxObj, "maxsplit") : -1;
    const parts: string[] = [];
    if (sepObj === undefined || sepObj === heap.none) {
      let rest = stripWhitespace(self, false, true);
      while (rest !== "") {
        if (max >= 0 && parts.length === max) {
          parts.push(stripWhitespace(rest, true, false));
          break;
        }
        const match = lastWhitespaceRun(rest);
        if (match === null) {
          parts.push(rest);
          break;
        }
        parts.push(rest.slice(match.index + match[0].length));
        rest = rest.slice(0, match.index);
      }
    } else {
      const separator = text(sepObj);
      if (separator === "") m.raise("ValueError", "empty separator");
      let rest = self;
      while (max < 0 || parts.length < max) {
        const at = rest.lastIndexOf(separator);
        if (at < 0) break;
        parts.push(rest.slice(at + separator.length));
        rest = rest.slice(0, at);
      }
      parts.push(rest);
    }
    return m.newStrList(parts.reverse());
  });
  const partition = (name: string, fromEnd: boolean): void =>
    str(name, 1, 1, (self, [sepObj]) => {
      const separator = text(sepObj!);
      if (separator === "") m.raise("ValueError", "empty separator");
      const at = fromEnd ? self.lastIndexOf(separator) : self.indexOf(separator);
      const pieces =
        at < 0
          ? fromEnd
            ? ["", "", self]
            : [self, "", ""]
          : [self.slice(0, at), separator, self.slice(at + separator.length)];
      return m.newStrTuple(pieces);
    });
  partition("partition", false);
  partition("rpartition", true);
  for (const conversion of ["swapcase", "casefold"] as const)
    str(conversion, 0, 0, (self) => m.newStr(convertCase(conversion, self)));
  str("removeprefix", 1, 1, (self, [prefix]) => {
    const value = text(prefix!);
    return m.newStr(value !== "" && self.startsWith(value) ? self.slice(value.length) : self);
  });
  str("removesuffix", 1, 1, (self, [suffix]) => {
    const value = text(suffix!);
    return m.newStr(value !== "" && self.endsWith(value) ? self.slice(0, -value.length) : self);
  });
}
