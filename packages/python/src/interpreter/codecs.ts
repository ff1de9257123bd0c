import type { Ptr } from "@pymem/core";
import { bytesData, isBytesLike, newBytes } from "./bytes-objects.js";
import type { Machine } from "./machine.js";
import { bufferData } from "./memoryview-objects.js";
import { defineTypeMethod, type Keywords, keyword } from "./native-arguments.js";
import { setAttribute } from "./object-access.js";

/**
 * The text codecs CPython builds in — UTF-8, ASCII and Latin-1 under their aliases — with the
 * error handlers `strict`, `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace` (encoding),
 * `surrogateescape` and `surrogatepass` (UTF-8), and CPython's exact `UnicodeEncodeError` /
 * `UnicodeDecodeError` messages; `str.encode` and `bytes.decode` / `bytearray.decode`.
 * CPython: `Objects/unicodeobject.c` (`unicode_encode_ucs1`, `unicode_encode_utf8`,
 * `unicode_decode_utf8`, `ascii_decode`), `Python/codecs.c` (the error handlers).
 *
 * @module
 */

/** A codec pymem implements, by its canonical name (the one error messages show). */
export type CodecName = "utf-8" | "ascii" | "latin-1";

/** Normalized aliases of each codec. CPython: `encodings.aliases`. */
const CODEC_ALIASES: ReadonlyMap<string, CodecName> = new Map<string, CodecName>([
  ...["utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"].map(
    (alias) => [alias, "utf-8"] as const,
  ),
  ...[
    "ascii",
    "us_ascii",
    "646",
    "us",
    "ansi_x3.4_1968",
    "ansi_x3_4_1968",
    "ansi_x3.4_1986",
    "cp367",
    "csascii",
    "ibm367",
    "iso646_us",
    "iso_646.irv_1991",
    "iso_ir_6",
  ].map((alias) => [alias, "ascii"] as const),
  ...[
    "latin_1",
    "latin1",
    "latin",
    "l1",
    "iso_8859_1",
    "iso8859_1",
    "8859",
    "cp819",
    "iso_ir_100",
    "csisolatin1",
    "ibm819",
    "iso_8859_1_1987",
  ].map((alias) => [alias, "latin-1"] as const),
]);

/**
 * The codec an encoding name means, or LookupError `unknown encoding: x`. The name is normalized
 * as CPython's does it: lower case, runs of other characters than letters, digits and `.` become
 * one `_`. CPython: `_PyCodec_Lookup`, `encodings.normalize_encoding`.
 *
 * @example
 * ```ts
 * lookupCodec(machine, "UTF8"); // "utf-8"
 * ```
 */
export function lookupCodec(m: Machine, name: string): CodecName {
  const normalized = name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "_")
    .replace(/^_|_$/g, "");
  const codec = CODEC_ALIASES.get(normalized);
  if (codec === undefined) m.raise("LookupError", `unknown encoding: ${name}`);
  return codec;
}

/** `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point, as CPython's messages and handlers write it. */
function escapeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16);
  if (codePoint < 0x100) return `\\x${hex.padStart(2, "0")}`;
  if (codePoint < 0x10000) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}

/**
 * Raises `UnicodeEncodeError` / `UnicodeDecodeError` with CPython's text and its `encoding`,
 * `object`, `start`, `end` and `reason` attributes. CPython: `UnicodeEncodeError_str`,
 * `UnicodeDecodeError_str`.
 */
function raiseCodecError(
  m: Machine,
  kind: "encode" | "decode",
  codec: CodecName,
  object: () => Ptr,
  start: number,
  end: number,
  reason: string,
  what: string,
): never {
  const position = end - start === 1 ? `position ${start}` : `position ${start}-${end - 1}`;
  const unit = kind === "encode" ? "character" : "byte";
  const subject = end - start === 1 ? `${unit} ${what}` : `${unit}s in`;
  const message =
    end - start === 1
      ? `'${codec}' codec can't ${kind} ${subject} in ${position}: ${reason}`
      : `'${codec}' codec can't ${kind} ${subject} ${position}: ${reason}`;
  const error = m.newException(
    kind === "encode" ? "UnicodeEncodeError" : "UnicodeDecodeError",
    message,
  );
  try {
    const attributes: Array<[string, () => Ptr]> = [
      ["encoding", () => m.newStr(codec)],
      ["object", object],
      ["start", () => m.newInt(start)],
      ["end", () => m.newInt(end)],
      ["reason", () => m.newStr(reason)],
    ];
    for (const [name, make] of attributes) {
      const value = make();
      try {
        setAttribute(m, error, m.name(name), name, value);
      } finally {
        m.decref(value);
      }
    }
  } catch (thrown) {
    m.decref(error);
    throw thrown;
  }
  throw m.exception(error);
}

/** The largest code point each single-byte codec encodes (UTF-8 encodes all but surrogates). */
function codecLimit(codec: CodecName): number {
  return codec === "ascii" ? 0x80 : codec === "latin-1" ? 0x100 : 0x110000;
}

function isSurrogate(codePoint: number): boolean {
  return codePoint >= 0xd800 && codePoint <= 0xdfff;
}

/** Appends the UTF-8 bytes of a code point (surrogates too, as `surrogatepass` wants them). */
function pushUtf8(out: number[], codePoint: number): void {
  if (codePoint < 0x80) out.push(codePoint);
  else if (codePoint < 0x800) out.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
  else if (codePoint < 0x10000)
    out.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
  else
    out.push(
      0xf0 | (codePoint >> 18),
      0x80 | ((codePoint >> 12) & 0x3f),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    );
}

/**
 * `text.encode(codec, errors)`: the bytes, or CPython's UnicodeEncodeError for characters the
 * codec cannot encode (a run of them reported together, as CPython collects it). `source` makes
 * the str object the error's `object` attribute holds.
 *
 * @example
 * ```ts
 * encodeText(machine, "é", "latin-1", "strict", () => machine.newStr("é")); // Uint8Array [0xe9]
 * ```
 */
export function encodeText(
  m: Machine,
  text: string,
  codec: CodecName,
  errors: string,
  source: () => Ptr,
): Uint8Array {
  if (codec === "utf-8" && !/[\ud800-\udfff]/.test(text)) return new TextEncoder().encode(text);
  const points = Array.from(text, (char) => char.codePointAt(0)!);
  const limit = codecLimit(codec);
  const encodable = (codePoint: number): boolean =>
    codePoint < limit && !(codec === "utf-8" && isSurrogate(codePoint));
  const reason = codec === "utf-8" ? "surrogates not allowed" : `ordinal not in range(${limit})`;
  const out: number[] = [];
  for (let i = 0; i < points.length; ) {
    const codePoint = points[i]!;
    if (encodable(codePoint)) {
      if (codec === "utf-8") pushUtf8(out, codePoint);
      else out.push(codePoint);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < points.length && !encodable(points[end]!)) end++;
    const run = points.slice(i, end);
    const fail = (): never =>
      raiseCodecError(
        m,
        "encode",
        codec,
        source,
        i,
        end,
        reason,
        `'${escapeCodePoint(codePoint)}'`,
      );
    switch (errors) {
      case "strict":
        fail();
        break;
      case "ignore":
        break;
      case "replace":
        for (let k = i; k < end; k++) out.push(0x3f);
        break;
      case "backslashreplace":
        for (const point of run)
          for (const char of escapeCodePoint(point)) out.push(char.charCodeAt(0));
        break;
      case "xmlcharrefreplace":
        for (const point of run) for (const char of `&#${point};`) out.push(char.charCodeAt(0));
        break;
      case "surrogateescape":
        if (run.some((point) => point < 0xdc80 || point > 0xdcff)) fail();
        for (const point of run) out.push(point - 0xdc00);
        break;
      case "surrogatepass":
        if (codec !== "utf-8" || run.some((point) => !isSurrogate(point))) fail();
        for (const point of run) pushUtf8(out, point);
        break;
      default:
        m.raise("LookupError", `unknown error handler name '${errors}'`);
    }
    i = end;
  }
  return Uint8Array.from(out);
}

/**
 * Where the UTF-8 sequence starting at `at` ends, or the reason and end of the invalid part.
 * CPython: the checks of `utf8_decode` / `Objects/stringlib/codecs.h`.
 */
function utf8Sequence(
  data: Uint8Array,
  at: number,
): { end: number; codePoint: number } | { end: number; reason: string } {
  const lead = data[at]!;
  const continuation = (byte: number | undefined, low = 0x80, high = 0xbf): boolean =>
    byte !== undefined && byte >= low && byte <= high;
  let count: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) count = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    count = 2;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    count = 3;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return { end: at + 1, reason: "invalid start byte" };
  let codePoint = lead & (count === 1 ? 0x1f : count === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= count; k++) {
    if (at + k >= data.length) return { end: data.length, reason: "unexpected end of data" };
    const byte = data[at + k];
    if (!(k === 1 ? continuation(byte, low, high) : continuation(byte)))
      return { end: at + k, reason: "invalid continuation byte" };
    codePoint = (codePoint << 6) | (byte! & 0x3f);
  }
  return { end: at + count + 1, codePoint };
}

/**
 * `data.decode(codec, errors)`: the text, or CPython's UnicodeDecodeError for bytes the codec
 * cannot decode. `source` makes the bytes object the error's `object` attribute holds.
 *
 * @example
 * ```ts
 * decodeBytes(machine, new Uint8Array([0xc3, 0xa9]), "utf-8", "strict", () => b); // "é"
 * ```
 */
export function decodeBytes(
  m: Machine,
  data: Uint8Array,
  codec: CodecName,
  errors: string,
  source: () => Ptr,
): string {
  if (codec === "utf-8") {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data);
    } catch {
      // Invalid somewhere: decode byte by byte below for CPython's error position and handlers.
    }
  }
  const pieces: string[] = [];
  let run = "";
  for (let i = 0; i < data.length; ) {
    const byte = data[i]!;
    let end: number;
    let reason: string;
    if (byte < 0x80 || codec === "latin-1") {
      run += String.fromCharCode(byte);
      i++;
      continue;
    }
    if (codec === "utf-8") {
      const sequence = utf8Sequence(data, i);
      if ("codePoint" in sequence) {
        run += String.fromCodePoint(sequence.codePoint);
        i = sequence.end;
        continue;
      }
      ({ end, reason } = sequence);
    } else {
      end = i + 1;
      reason = "ordinal not in range(128)";
    }
    if (run.length > 4096) {
      pieces.push(run);
      run = "";
    }
    switch (errors) {
      case "strict":
        raiseCodecError(
          m,
          "decode",
          codec,
          source,
          i,
          end,
          reason,
          `0x${byte.toString(16).padStart(2, "0")}`,
        );
        break;
      case "ignore":
        break;
      case "replace":
        run += "\ufffd";
        break;
      case "backslashreplace":
        for (let k = i; k < end; k++) run += escapeCodePoint(data[k]!);
        break;
      case "surrogateescape":
        for (let k = i; k < end; k++) run += String.fromCharCode(0xdc00 + data[k]!);
        break;
      default:
        m.raise("LookupError", `unknown error handler name '${errors}'`);
    }
    i = end;
  }
  pieces.push(run);
  return pieces.join("");
}

/**
 * The `encoding` and `errors` arguments of `str.encode`, `bytes.decode` and the `bytes()` /
 * `bytearray()` constructors, with CPython's TypeError for a non-str one.
 *
 * @example
 * ```ts
 * const [codec, errors] = codecArguments(machine, "encode", args, keywords);
 * ```
 * @internal
 */
export function codecArguments(
  m: Machine,
  method: string,
  args: readonly Ptr[],
  keywords: Keywords,
): [CodecName, string] {
  const options = keyword(m, method, keywords, ["encoding", "errors"]);
  const text = (value: Ptr | undefined, name: string, fallback: string): string => {
    if (value === undefined) return fallback;
    if (!m.isStr(value))
      m.raise("TypeError", `${method}() argument '${name}' must be str, not ${m.typeName(value)}`);
    return m.heap.strValue(value);
  };
  const encoding = text(args[0] ?? options.get("encoding"), "encoding", "utf-8");
  const errors = text(args[1] ?? options.get("errors"), "errors", "strict");
  return [lookupCodec(m, encoding), errors];
}

/**
 * `str(object, encoding, errors)` with an encoding or errors given: decodes a bytes-like object
 * (bytes, bytearray, memoryview); the empty str when `object` is missing. CPython:
 * `PyUnicode_FromEncodedObject`.
 *
 * @example
 * ```ts
 * const text = decodeToStr(machine, data, encoding, undefined);
 * ```
 * @internal
 */
export function decodeToStr(
  m: Machine,
  object: Ptr | undefined,
  encoding: Ptr | undefined,
  errors: Ptr | undefined,
): Ptr {
  const given = [encoding ?? m.name("utf-8"), ...(errors !== undefined ? [errors] : [])];
  const [codec, handler] = codecArguments(m, "str", given, []);
  if (object === undefined) return m.newStr("");
  if (m.isStr(object)) m.raise("TypeError", "decoding str is not supported");
  const data = bufferData(m, object);
  if (data === undefined)
    m.raise("TypeError", `decoding to str: need a bytes-like object, ${m.typeName(object)} found`);
  return m.newStr(decodeBytes(m, data, codec, handler, () => m.incref(object)));
}

/**
 * Installs `str.encode` and the `decode` method of `bytes` and `bytearray`.
 *
 * @example
 * ```ts
 * installCodecMethods(machine);
 * ```
 * @internal
 */
export function installCodecMethods(m: Machine): void {
  defineTypeMethod(
    m,
    "str",
    (obj) => m.isStr(obj),
    "encode",
    0,
    2,
    true,
    (self, args, keywords) => {
      const [codec, errors] = codecArguments(m, "encode", args, keywords);
      return newBytes(
        m,
        encodeText(m, m.heap.strValue(self), codec, errors, () => m.incref(self)),
      );
    },
  );
  for (const typeName of ["bytes", "bytearray"])
    defineTypeMethod(
      m,
      typeName,
      (obj) => isBytesLike(m, obj),
      "decode",
      0,
      2,
      true,
      (self, args, keywords) => {
        const [codec, errors] = codecArguments(m, "decode", args, keywords);
        return m.newStr(decodeBytes(m, bytesData(m, self), codec, errors, () => m.incref(self)));
      },
    );
}
