import type { Ptr } from "@pymem/core";
import { asciiRepr } from "./ascii-repr.js";
import { formatWithSpec } from "./formatting.js";
import type { Machine } from "./machine.js";
import { getAttribute, getItem } from "./object-access.js";
import { repr, str as strOfObject } from "./object-repr.js";
import { StrSize } from "./result-size.js";

/**
 * Where `str.format` / `str.format_map` find their fields: the positional arguments (undefined
 * for `format_map`, whose positional fields are an error) and a lookup of a named field that
 * returns a new reference or raises (CPython: `get_field_object`'s `args` and `kwargs`).
 * @internal
 */
export interface FormatFields {
  readonly args: readonly Ptr[] | undefined;
  readonly named: (key: string) => Ptr;
}

/**
 * Expands a `str.format` template: literal text with `{{`/`}}` escapes and replacement fields
 * `{name.attr[key]!conversion:spec}` whose spec may itself hold fields, two levels deep. Mirrors
 * CPython's `Objects/stringlib/unicode_format.h` (`MarkupIterator_next`, `parse_field`,
 * `field_name_split`, `FieldNameIterator_next`, `get_field_object`, `render_field`,
 * `build_string`), with its error messages.
 *
 * @example
 * ```ts
 * const text = formatTemplate(m, "{0[1]:>{w}}", { args: [list], named: (k) => lookup(k) });
 * ```
 * @internal
 */
export function formatTemplate(m: Machine, template: string, fields: FormatFields): string {
  return new TemplateFormatter(m, fields).build(template, 2);
}

/** The auto-numbering state shared by every field of one call (CPython: `AutoNumber`). */
enum Numbering {
  Init,
  Auto,
  Manual,
}

class TemplateFormatter {
  private numbering = Numbering.Init;
  private nextField = 0;

  constructor(
    private readonly m: Machine,
    private readonly fields: FormatFields,
  ) {}

  /** CPython: `build_string` + `output_markup` over `MarkupIterator_next`. */
  build(template: string, depth: number): string {
    const m: Machine = this.m;
    if (depth <= 0) m.raise("ValueError", "Max string recursion exceeded");
    const out: string[] = [];
    const size = new StrSize(m.heap);
    let i = 0;
    const end = template.length;
    while (i < end) {
      const start = i;
      let c = "";
      let markup = false;
      while (i < end) {
        c = template[i++] as string;
        if (c === "{" || c === "}") {
          markup = true;
          break;
        }
      }
      const atEnd = i >= end;
      let literalEnd = i;
      if (c === "}" && markup && (atEnd || template[i] !== "}"))
        m.raise("ValueError", "Single '}' encountered in format string");
      if (atEnd && c === "{" && markup)
        m.raise("ValueError", "Single '{' encountered in format string");
      if (markup) {
        if (template[i] === c) {
          i++; // an escaped brace: the first one stays in the literal text
          markup = false;
        } else literalEnd--;
      }
      size.add(literalEnd - start);
      out.push(template.slice(start, literalEnd));
      if (!markup) continue;
      const field = parseField(m, template, i);
      i = field.next;
      const rendered = this.render(field, depth);
      size.add(rendered.length);
      out.push(rendered);
    }
    return out.join("");
  }

  /** CPython: `output_markup` / `render_field`: look up, convert, expand the spec, format. */
  private render(field: ParsedField, depth: number): string {
    const m: Machine = this.m;
    const owned: Ptr[] = [];
    try {
      const value = this.lookup(field.name, owned);
      // The conversion runs before the spec's own fields are expanded, as in CPython.
      const converted = this.convert(value, field.conversion);
      const spec = field.specNeedsExpanding ? this.build(field.spec, depth - 1) : field.spec;
      return formatWithSpec(m, converted === undefined ? value : 0, converted, spec);
    } finally {
      for (const obj of owned) this.m.decref(obj);
    }
  }

  /** CPython: `do_conversion`: the text of `!r`, `!s`, `!a`; undefined for no conversion. */
  private convert(value: Ptr, conversion: string): string | undefined {
    const m: Machine = this.m;
    switch (conversion) {
      case "":
        return undefined;
      case "r":
        return repr(m, value);
      case "s":
        return strOfObject(m, value);
      case "a":
        return asciiRepr(m, value);
      default: {
        const code = conversion.codePointAt(0) as number;
        const shown = code >= 32 && code < 127 ? conversion : `\\x${code.toString(16)}`;
        m.raise("ValueError", `Unknown conversion specifier ${shown}`);
      }
    }
  }

  /** CPython: `field_name_split` + `get_field_object`; every reference it makes goes in `owned`. */
  private lookup(fieldName: string, owned: Ptr[]): Ptr {
    const m: Machine = this.m;
    let firstEnd = 0;
    while (
      firstEnd < fieldName.length &&
      fieldName[firstEnd] !== "." &&
      fieldName[firstEnd] !== "["
    )
      firstEnd++;
    const first = fieldName.slice(0, firstEnd);
    let index = decimalIndex(m, first);
    const empty = first === "";
    if (empty || index !== -1) {
      if (this.numbering === Numbering.Init)
        this.numbering = empty ? Numbering.Auto : Numbering.Manual;
      if (this.numbering === Numbering.Manual && empty)
        m.raise(
          "ValueError",
          "cannot switch from manual field specification to automatic field numbering",
        );
      if (this.numbering === Numbering.Auto && !empty)
        m.raise(
          "ValueError",
          "cannot switch from automatic field numbering to manual field specification",
        );
      if (empty) index = this.nextField++;
    }
    let value: Ptr;
    if (index === -1) {
      value = this.fields.named(first);
      owned.push(value);
    } else {
      const args = this.fields.args;
      if (args === undefined) m.raise("ValueError", "Format string contains positional fields");
      const found = args[index];
      if (found === undefined)
        m.raise("IndexError", `Replacement index ${index} out of range for positional args tuple`);
      value = found;
    }
    // CPython: FieldNameIterator_next over the rest of the field name.
    let i = firstEnd;
    while (i < fieldName.length) {
      const kind = fieldName[i++];
      let part: string;
      if (kind === ".") {
        const start = i;
        while (i < fieldName.length && fieldName[i] !== "." && fieldName[i] !== "[") i++;
        part = fieldName.slice(start, i);
      } else if (kind === "[") {
        const close = fieldName.indexOf("]", i);
        if (close === -1) m.raise("ValueError", "Missing ']' in format string");
        part = fieldName.slice(i, close);
        i = close + 1;
      } else m.raise("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
      if (part === "") m.raise("ValueError", "Empty attribute in format string");
      if (kind === ".") value = getAttribute(m, value, m.name(part), part);
      else {
        const itemIndex = decimalIndex(m, part);
        const key = itemIndex === -1 ? m.newStr(part) : m.newInt(itemIndex);
        try {
          value = getItem(m, value, key);
        } finally {
          m.decref(key);
        }
      }
      owned.push(value);
    }
    return value;
  }
}

/** One replacement field as `parse_field` splits it, and where the template goes on. */
interface ParsedField {
  readonly name: string;
  readonly conversion: string;
  readonly spec: string;
  readonly specNeedsExpanding: boolean;
  readonly next: number;
}

/** CPython: `parse_field`, from just after the field's `{`. */
function parseField(m: Machine, template: string, from: number): ParsedField {
  const end = template.length;
  let i = from;
  let c = "";
  while (i < end) {
    c = template[i++] as string;
    if (c === "{") m.raise("ValueError", "unexpected '{' in field name");
    if (c === "[") {
      while (i < end && template[i] !== "]") i++;
      continue;
    }
    if (c === "}" || c === ":" || c === "!") break;
  }
  const nameEnd = i - 1;
  const name = template.slice(from, Math.max(from, nameEnd));
  if (c !== "!" && c !== ":") {
    if (c !== "}") m.raise("ValueError", "expected '}' before end of string");
    return { name, conversion: "", spec: "", specNeedsExpanding: false, next: i };
  }
  let conversion = "";
  if (c === "!") {
    if (i >= end) m.raise("ValueError", "end of string while looking for conversion specifier");
    conversion = String.fromCodePoint(template.codePointAt(i) as number);
    i += conversion.length;
    if (i < end) {
      const after = template[i++];
      if (after === "}") return { name, conversion, spec: "", specNeedsExpanding: false, next: i };
      if (after !== ":") m.raise("ValueError", "expected ':' after conversion specifier");
    }
  }
  const specStart = i;
  let depth = 1;
  let specNeedsExpanding = false;
  while (i < end) {
    const ch = template[i++];
    if (ch === "{") {
      specNeedsExpanding = true;
      depth++;
    } else if (ch === "}" && --depth === 0)
      return {
        name,
        conversion,
        spec: template.slice(specStart, i - 1),
        specNeedsExpanding,
        next: i,
      };
  }
  m.raise("ValueError", "unmatched '{' in format spec");
}

/** CPython: `get_integer`: the value of an all-digit name, or -1. */
function decimalIndex(m: Machine, text: string): number {
  if (text === "" || !/^[0-9]+$/.test(text)) return -1;
  if (BigInt(text) > 9223372036854775807n)
    m.raise("ValueError", "Too many decimal digits in format string");
  return Number(text);
}
