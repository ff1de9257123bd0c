import type * as Ast from "./ast.js";
import { decodeBytesBody, decodeStringBody, stringPrefixLength } from "./literals.js";
import { range } from "./node-range.js";
import type { Located, Parser } from "./parser.js";
import { PythonSyntaxError } from "./syntax-error.js";
import { skipDebugWhitespace, type Token, tokenizeField } from "./tokenizer.js";

/**
 * String literals and f-strings (PEP 701): implicit concatenation of adjacent literals, bytes,
 * and the replacement fields of f-strings, each field's expression parsed by a sub-parser over
 * the same source so positions stay exact.
 *
 * @module
 * @internal
 */

/** Fields nest at most this deep in brackets (CPython: MAXLEVEL). */
const MAX_BRACKET_LEVEL = 200;

/** What one f-string (or string) piece of a concatenation contributes. */
interface Piece {
  token: Token;
  prefix: string;
  bodyStart: number;
  bodyEnd: number;
  quote: string;
  quoteSize: number;
}

function piece(token: Token): Piece {
  const prefixLength = stringPrefixLength(token.text);
  const quote = token.text[prefixLength] as string;
  const quoteSize =
    token.text.startsWith(quote.repeat(3), prefixLength) && token.text.length - prefixLength >= 6
      ? 3
      : 1;
  return {
    token,
    prefix: token.text.slice(0, prefixLength).toLowerCase(),
    bodyStart: token.start + prefixLength + quoteSize,
    bodyEnd: token.end - quoteSize,
    quote,
    quoteSize,
  };
}

/**
 * Adjacent string literals, implicitly concatenated (CPython: _PyPegen_concatenate_strings):
 * a str Constant, a bytes Constant, or a JoinedStr when any piece is an f-string.
 *
 * @internal
 */
export function parseStrings(p: Parser): Ast.Expression {
  const first = p.peek();
  const pieces: Piece[] = [];
  let sawBytes = false;
  let sawText = false;
  while (p.peek().type === "STRING" || p.peek().type === "FSTRING") {
    const next = piece(p.advance());
    if (next.prefix.includes("b")) sawBytes = true;
    else sawText = true;
    if (sawBytes && sawText)
      p.fail("cannot mix bytes and nonbytes literals", range(first, next.token));
    pieces.push(next);
  }
  const last = p.previous;
  if (sawBytes) return bytesConstant(p, pieces, range(first, last));
  const unicodePrefix = (pieces[0] as Piece).prefix === "u";
  if (pieces.every((each) => each.token.type === "STRING")) {
    let value = "";
    const named = { found: false };
    for (const each of pieces) value += decode(p, each, each.bodyStart, each.bodyEnd, named);
    const constant: Ast.Constant = {
      kind: "Constant",
      constantType: "str",
      value,
      ...range(first, last),
    };
    if (unicodePrefix) constant.unicodePrefix = true;
    if (named.found) constant.unresolvedNamedEscapes = true;
    return constant;
  }
  const parts = new FormattedParts();
  for (const each of pieces) {
    if (each.token.type === "STRING") {
      parts.text(
        decode(p, each, each.bodyStart, each.bodyEnd, parts.named),
        each.token,
        each.token,
      );
      continue;
    }
    p.state.fstringDepth++;
    fstringBody(p, each, parts);
    p.state.fstringDepth--;
  }
  return { kind: "JoinedStr", values: parts.finish(), ...range(first, last) };
}

function bytesConstant(p: Parser, pieces: Piece[], at: Ast.SourceRange): Ast.Constant {
  const chunks: Uint8Array[] = [];
  for (const each of pieces) {
    const decoded = decodeBytesBody(
      p.state.source,
      each.bodyStart,
      each.bodyEnd,
      each.prefix.includes("r"),
      (message) => noteInvalidEscape(p, each.bodyStart, each, message),
    );
    if (decoded instanceof Uint8Array) chunks.push(decoded);
    else p.fail(decoded.message, each.token);
  }
  const value = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    value.set(chunk, offset);
    offset += chunk.length;
  }
  return { kind: "Constant", constantType: "bytes", value, ...at };
}

/** Decode a literal's text; `named.found` is set when it keeps `\\N{NAME}` escapes. */
function decode(
  p: Parser,
  each: Piece,
  start: number,
  end: number,
  named: { found: boolean },
): string {
  const result = decodeStringBody(
    p.state.source,
    start,
    end,
    each.prefix.includes("r"),
    () => {
      named.found = true;
    },
    (message) => noteInvalidEscape(p, start, each, message),
  );
  if (typeof result === "string") return result;
  return p.fail(`(unicode error) ${result.message}`, each.token);
}

/**
 * Records CPython's `SyntaxWarning: invalid escape sequence` for the literal text starting at
 * `start`: only its first invalid escape, and once however often backtracking decodes it again
 * (CPython: `warn_invalid_escape_sequence` for `first_invalid_escape`). It is located as CPython
 * locates it: on the whole string token, or, in an f-string, on the f-string's closing quote.
 */
function noteInvalidEscape(p: Parser, start: number, each: Piece, message: string): void {
  if (p.state.escapeWarnings.has(start)) return;
  const token = each.token;
  const note =
    token.type === "STRING"
      ? {
          message,
          lineno: token.line,
          offset: token.column + 1,
          endLineno: token.endLine,
          endOffset: token.endColumn + 1,
        }
      : {
          message,
          lineno: token.endLine,
          offset: token.endColumn - each.quoteSize + 1,
          endLineno: token.endLine,
          endOffset: token.endColumn - each.quoteSize + 2,
        };
  p.state.escapeWarnings.set(start, note);
}

/**
 * The values of a JoinedStr being built: runs of literal text merge into one Constant spanning
 * from its first piece to its last, as in CPython 3.12+.
 */
class FormattedParts {
  private readonly values: (Ast.Constant | Ast.FormattedValue)[] = [];
  private pending = "";
  private pendingStart: Located | null = null;
  private pendingEnd: Located | null = null;
  /** Set by decode() when the pending text keeps `\\N{NAME}` escapes. */
  readonly named = { found: false };

  text(value: string, start: Located, end: Located): void {
    if (value.length === 0) return;
    this.pending += value;
    this.pendingStart ??= start;
    this.pendingEnd = end;
  }

  field(value: Ast.FormattedValue): void {
    this.flush();
    this.values.push(value);
  }

  finish(): (Ast.Constant | Ast.FormattedValue)[] {
    this.flush();
    return this.values;
  }

  private flush(): void {
    if (this.pendingStart !== null && this.pendingEnd !== null) {
      const constant: Ast.Constant = {
        kind: "Constant",
        constantType: "str",
        value: this.pending,
        ...range(this.pendingStart, this.pendingEnd),
      };
      if (this.named.found) constant.unresolvedNamedEscapes = true;
      this.values.push(constant);
    }
    this.named.found = false;
    this.pending = "";
    this.pendingStart = null;
    this.pendingEnd = null;
  }
}

/** Raise at a single source index with CPython's f-string error offsets (offset = index + 1). */
function failAt(p: Parser, msg: string, index: number, width: number): never {
  const at = p.point(index);
  return p.raise("SyntaxError", msg, at.line, at.column + 1, at.line, at.column + 1 + width);
}

/** The literal text and replacement fields of one f-string's body. */
function fstringBody(p: Parser, each: Piece, parts: FormattedParts): void {
  const stop = literalAndFields(p, each, each.bodyStart, false, parts);
  if (stop < each.bodyEnd) failAt(p, "f-string: single '}' is not allowed", stop, 0);
}

/**
 * Literal text and fields from `start`: to the f-string body's end, or inside a format spec
 * (`inSpec`) to the `}` closing the field. Returns where it stopped.
 */
function literalAndFields(
  p: Parser,
  each: Piece,
  start: number,
  inSpec: boolean,
  parts: FormattedParts,
): number {
  const source = p.state.source;
  const raw = each.prefix.includes("r");
  const end = each.bodyEnd;
  let literalStart = start;
  // Where the current run of literal text began in the source, `{{`/`}}` included.
  let runStart = start;
  const addLiteral = (upTo: number, extra: string, next: number): void => {
    const text =
      (upTo > literalStart ? decode(p, each, literalStart, upTo, parts.named) : "") + extra;
    parts.text(text, p.point(runStart), p.point(next));
    literalStart = next;
  };
  let index = start;
  while (index < end) {
    const character = source[index];
    if (character === "\\") {
      // A backslash leaves a following brace alone; \N{NAME} is one escape (not raw).
      const next = source[index + 1];
      if (next === "{" || next === "}") index += 1;
      else if (next === "N" && !raw && source[index + 2] === "{")
        index = Math.min(end, source.indexOf("}", index) + 1 || end);
      else index += raw ? 1 : 2;
      continue;
    }
    if (character === "}") {
      if (inSpec) break;
      if (source[index + 1] !== "}") failAt(p, "f-string: single '}' is not allowed", index, 0);
      addLiteral(index, "}", index + 2);
      index += 2;
      continue;
    }
    if (character === "{") {
      if (!inSpec && source[index + 1] === "{") {
        addLiteral(index, "{", index + 2);
        index += 2;
        continue;
      }
      addLiteral(index, "", index);
      const field = replacementField(p, each, index);
      if (field.debugText.length > 0)
        parts.text(field.debugText, p.point(index + 1), p.point(field.debugEnd));
      parts.field(field.value);
      index = field.next;
      literalStart = index;
      runStart = index;
      continue;
    }
    index++;
  }
  addLiteral(Math.min(index, end), "", Math.min(index, end));
  return index;
}

interface ParsedField {
  value: Ast.FormattedValue;
  /** The `expr=` text of a self-documenting field, or "". */
  debugText: string;
  debugEnd: number;
  next: number;
}

/** Parse `{expr[=][!c][:spec]}` starting at the '{' at `open`. CPython: fstring_replacement_field. */
function replacementField(p: Parser, each: Piece, open: number): ParsedField {
  const source = p.state.source;
  const end = each.bodyEnd;
  if (p.state.bracketDepth >= MAX_BRACKET_LEVEL) failAt(p, "too many nested parentheses", open, 0);
  const stream = tokenizeField(source, p.state.lineStarts, open + 1, end, {
    quote: each.quote,
    quoteSize: each.quoteSize,
    fstringDepth: p.state.fstringDepth,
  });
  const stop = stream.fieldEnd;
  if (stream.error === null && stop < 0) failAt(p, "f-string: expecting '}'", end, 0);
  if (stream.error === null && stream.tokens[0]?.type === "ENDMARKER")
    failAt(p, `f-string: valid expression required before '${source[stop]}'`, stop, 1);
  const lambda = stream.tokens[0]?.text === "lambda" && source[stop] === ":";
  if (lambda) {
    // CPython: invalid_replacement_field — the ':' would start a format spec.
    const at = stream.tokens[0] as Token;
    const colon = p.point(stop);
    p.raise(
      "SyntaxError",
      "f-string: lambda expressions are not allowed without parentheses",
      at.line,
      at.column + 1,
      colon.line,
      colon.column + 2,
    );
  }
  const value = fieldExpression(p, stream);
  let index = stop;
  let debugText = "";
  let debugEnd = stop;
  if (source[index] === "=") {
    index = skipDebugWhitespace(source, index + 1, end);
    debugText = withoutComments(source, open + 1, index, stream.tokens);
    debugEnd = index;
  }
  let conversion = -1;
  if (source[index] === "!") {
    const character = source[index + 1];
    if (character === "}" || character === ":" || index + 1 >= end)
      failAt(p, "f-string: missing conversion character", index + 1, 1);
    if (character !== "s" && character !== "r" && character !== "a") {
      failAt(
        p,
        `f-string: invalid conversion character '${character}': expected 's', 'r', or 'a'`,
        index + 1,
        1,
      );
    }
    conversion = character.charCodeAt(0);
    if (index + 2 >= end) failAt(p, "f-string: expecting '}'", index + 1, 0);
    index += 2;
    while (source[index] === " ") index++;
  }
  let formatSpec: Ast.JoinedStr | null = null;
  if (source[index] === ":") {
    const specStart = index + 1;
    const spec = new FormattedParts();
    p.state.bracketDepth++;
    index = literalAndFields(p, each, specStart, true, spec);
    p.state.bracketDepth--;
    if (index >= end) failAt(p, "f-string: expecting '}', or format specs", end, 1);
    // CPython: the spec spans from its ":" to the closing "}" (exclusive).
    formatSpec = {
      kind: "JoinedStr",
      values: spec.finish(),
      ...range(p.point(specStart - 1), p.point(index)),
    };
  }
  if (source[index] !== "}") failAt(p, "f-string: expecting '}'", index, 0);
  if (debugText.length > 0 && conversion === -1 && formatSpec === null) conversion = 114; // 'r'
  const closeAt = p.point(index);
  return {
    value: {
      kind: "FormattedValue",
      value,
      conversion,
      formatSpec,
      ...range(p.point(open), { ...closeAt, endColumn: closeAt.column + 1 }),
    },
    debugText,
    debugEnd,
    next: index + 1,
  };
}

/**
 * The source of a self-documenting field, `source[start, end)`, without its comments: CPython
 * builds the `expr=` text from the source between tokens minus `#` comments.
 */
function withoutComments(source: string, start: number, end: number, tokens: Token[]): string {
  let text = "";
  let at = start;
  for (const token of tokens) {
    if (token.type === "ENDMARKER") break;
    text += stripComment(source.slice(at, token.start)) + source.slice(token.start, token.end);
    at = token.end;
  }
  return text + stripComment(source.slice(at, end));
}

function stripComment(gap: string): string {
  return gap.includes("#") ? gap.replace(/#[^\n]*/g, "") : gap;
}

/** Parse a field's tokens as `yield_expr | star_expressions` with a sub-parser. */
function fieldExpression(p: Parser, stream: ReturnType<typeof tokenizeField>): Ast.Expression {
  const parser = p.subParser(stream);
  const first = stream.tokens[0] as Token;
  p.state.bracketDepth++;
  p.enter(first);
  try {
    let value: Ast.Expression;
    try {
      value = parser.isKeyword("yield") ? parser.yieldExpression() : parser.starExpressions();
    } catch (error) {
      // CPython: invalid_replacement_field — an expression cut short at the field's end is
      // reported at its last token as "expecting '=', or '!', or ':', or '}'".
      const last = stream.tokens[stream.tokens.length - 2];
      if (
        error instanceof PythonSyntaxError &&
        error.msg === "invalid syntax" &&
        last !== undefined &&
        parser.reachedEnd()
      ) {
        parser.fail("f-string: expecting '=', or '!', or ':', or '}'", last);
      }
      throw error;
    }
    const next = parser.peek();
    if (next.type !== "ENDMARKER" && parser.canStartExpression()) parser.missingComma(value);
    if (next.type !== "ENDMARKER")
      parser.fail("f-string: expecting '=', or '!', or ':', or '}'", next);
    return value;
  } catch (error) {
    if (error instanceof PythonSyntaxError && stream.error !== null && error !== stream.error)
      throw stream.error;
    throw error;
  } finally {
    p.state.bracketDepth--;
    p.leave();
  }
}
