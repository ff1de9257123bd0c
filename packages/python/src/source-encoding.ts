/**
 * Python source files read as bytes (PEP 263, CPython 3.13's tokenizer: `check_bom`,
 * `check_coding_spec`, `get_normal_name`): a UTF-8 byte order mark, else a `coding[:=]name`
 * comment on the first line — or the second when the first is only a comment or blank — names
 * the encoding; without either the file is UTF-8.
 *
 * @module
 */

/**
 * The error CPython 3.13 reports, with no location, when a source file's bytes cannot be
 * decoded: an unknown or failing declared encoding, a byte order mark with another
 * declaration, or bytes that are not UTF-8 without a declaration. Printed as `SyntaxError: msg`.
 *
 * @example
 * ```ts
 * try { decodeSource(bytes, "/abs/x.py"); } catch (error) {
 *   if (error instanceof SourceEncodingError) console.error(`SyntaxError: ${error.msg}`);
 * }
 * ```
 */
export class SourceEncodingError extends Error {
  constructor(
    /** CPython's message, e.g. `encoding problem: foo`. */
    readonly msg: string,
  ) {
    super(`SyntaxError: ${msg}`);
    this.name = "SourceEncodingError";
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** CPython: `check_coding_spec`'s pattern, for a line that is a comment. */
const CODING_COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/**
 * The text of the Python source file `bytes`, decoded as its encoding declaration says.
 * `filename` is the path the "Non-UTF-8 code" message names (CPython names the absolute path).
 *
 * @throws {@link SourceEncodingError} when the bytes cannot be decoded.
 *
 * @example
 * ```ts
 * const source = decodeSource(readFileSync(path), resolve(path));
 * ```
 */
export function decodeSource(bytes: Uint8Array, filename: string): string {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  if (declared === undefined || declared === "utf-8") return decodeUtf8(body, filename);
  if (hasBom) throw new SourceEncodingError(`encoding problem: ${declared} with BOM`);
  const text = decodeWith(declared, body);
  if (text === undefined) throw new SourceEncodingError(`encoding problem: ${declared}`);
  return text;
}

/** The normalized name in the first two lines' coding comment, if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const lines: string[] = [];
  let start = 0;
  for (let line = 0; line < 2 && start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    // A cookie is ASCII: decoding the line byte for byte is enough to find it.
    lines.push(byteString(bytes.subarray(start, end)));
    start = end + 1;
  }
  const [first = "", second = ""] = lines;
  const match = CODING_COOKIE.exec(first);
  if (match !== null) return normalName(match[1]!);
  // The second line counts only after a first line that is a comment or blank.
  if (!/^[ \t\f\r]*(#.*)?$/.test(first)) return undefined;
  const next = CODING_COOKIE.exec(second);
  return next !== null ? normalName(next[1]!) : undefined;
}

/** CPython: `get_normal_name` — the utf-8 and latin-1 spellings it folds. */
function normalName(name: string): string {
  const folded = name.slice(0, 12).toLowerCase().replaceAll("_", "-");
  if (folded === "utf-8" || folded.startsWith("utf-8-")) return "utf-8";
  for (const latin of ["latin-1", "iso-8859-1", "iso-latin-1"])
    if (folded === latin || folded.startsWith(`${latin}-`)) return "iso-8859-1";
  return name;
}

/** UTF-8, or CPython's "Non-UTF-8 code" error naming the first bad byte and its line. */
function decodeUtf8(bytes: Uint8Array, filename: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    const hex = bytes[bad]!.toString(16).padStart(2, "0");
    throw new SourceEncodingError(
      `Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`,
    );
  }
}

/** The index of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    // The sequence length and the range its second byte must fall in (no overlongs, no
    // surrogates, nothing above U+10FFFF): the Unicode standard's table 3-7.
    let length = 1;
    let low = 0x80;
    let high = 0xbf;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const [from, to] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < from || next > to) return i;
    }
    i += length;
  }
  return i;
}

/** Bytes as the code points 0-255 (latin-1), built in slices so a large file cannot overflow. */
function byteString(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192)
    text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  return text;
}

/**
 * Python's cp1252 for bytes 0x80-0x9f (-1: undefined); the rest is latin-1. Node's TextDecoder
 * decodes the WHATWG windows-1252 labels as latin-1, so pymem maps these itself.
 */
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, -1, 0x017d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

/** Python's strict cp1252, or undefined at an undefined byte. */
function decodeCp1252(bytes: Uint8Array): string | undefined {
  let text = "";
  for (const byte of bytes) {
    const code = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte;
    if (code < 0) return undefined;
    text += String.fromCharCode(code);
  }
  return text;
}

/** `bytes` decoded with the Python codec `name`, or undefined when unknown or failing. */
function decodeWith(name: string, bytes: Uint8Array): string | undefined {
  const codec = name.toLowerCase().replaceAll("_", "-");
  // The WHATWG labels "latin1" and "ascii" mean windows-1252, not Python's codecs.
  if (codec === "iso-8859-1") return byteString(bytes);
  if (codec === "ascii" || codec === "us-ascii")
    return bytes.some((byte) => byte > 0x7f) ? undefined : byteString(bytes);
  if (["cp1252", "windows-1252", "1252"].includes(codec)) return decodeCp1252(bytes);
  try {
    return new TextDecoder(codec, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
