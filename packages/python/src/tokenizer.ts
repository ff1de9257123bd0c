import { PythonSyntaxError, type SyntaxErrorKind } from "./syntax-error.js";
import { hasUnicodeFlag, UnicodeFlag } from "./unicode/unicode-database.js";
import { normalizeText } from "./unicode/unicode-normalization.js";

/**
 * Token categories, named after CPython's `token` module. `FSTRING` is one whole f-string (its
 * fields are parsed by the parser); `ERRORTOKEN` ends the stream where tokenizing stopped.
 *
 * @internal
 */
export type TokenType =
  | "NAME"
  | "NUMBER"
  | "STRING"
  | "FSTRING"
  | "OP"
  | "NEWLINE"
  | "INDENT"
  | "DEDENT"
  | "ENDMARKER"
  | "ERRORTOKEN";

/**
 * One token with its source range (1-based lines, 0-based columns) and absolute string indices.
 *
 * @internal
 */
export interface Token {
  type: TokenType;
  /** Source text of the token (for STRING/FSTRING: the whole literal including prefix and quotes). */
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Absolute index of the first character in the source. */
  start: number;
  /** Absolute index just past the last character. */
  end: number;
}

/**
 * The result of tokenizing: the tokens read before any error, and the error that stopped the
 * tokenizer (if any). The parser raises `error` when it reaches the final ERRORTOKEN, and prefers
 * it over its own errors, as CPython's `_PyPegen_tokenize_full_source_to_check_for_errors` does.
 *
 * @internal
 */
export interface TokenStream {
  tokens: Token[];
  error: PythonSyntaxError | null;
  /** Open brackets at end of input, innermost last (for "'(' was never closed"). */
  openBrackets: Token[];
  /**
   * For an f-string field ({@link tokenizeField}): the index of the `}`, `:`, `!` or `=` that
   * ended the expression, or -1 when the input ended first. Always -1 otherwise.
   */
  fieldEnd: number;
}

/**
 * The f-string a replacement field belongs to, for tokenizing the field's expression.
 *
 * @internal
 */
export interface FieldContext {
  /** The quote character of the innermost enclosing f-string. */
  quote: string;
  /** 1 or 3. */
  quoteSize: number;
  /** How many f-strings enclose the field (this one included). */
  fstringDepth: number;
}

/**
 * Deepest bracket nesting accepted; one more raises "too many nested parentheses".
 * CPython: MAXLEVEL in Parser/lexer/state.h.
 *
 * @example
 * ```ts
 * parse("(".repeat(MAX_BRACKET_LEVEL + 1)); // throws PythonSyntaxError
 * ```
 */
export const MAX_BRACKET_LEVEL = 200;
/**
 * Size of the indentation stack: a block nested this deep raises "too many levels of
 * indentation". CPython: MAXINDENT in Parser/lexer/state.h.
 *
 * @example
 * ```ts
 * const nestedBlocksAllowed = MAX_INDENT_LEVEL - 1; // 99
 * ```
 */
export const MAX_INDENT_LEVEL = 100;
/**
 * f-strings nest at most this deep (the 150th raises "too many nested f-strings").
 * CPython: MAXFSTRINGLEVEL in Parser/lexer/state.h.
 *
 * @example
 * ```ts
 * parse(`${"f'{".repeat(MAX_FSTRING_LEVEL)}1${"}'".repeat(MAX_FSTRING_LEVEL)}`); // throws
 * ```
 */
export const MAX_FSTRING_LEVEL = 150;
/** CPython: TABSIZE in Parser/lexer/state.h. */
const TAB_SIZE = 8;

const KEYWORD_AFTER_NUMBER: Record<string, string> = {
  a: "nd",
  e: "lse",
  f: "or",
  o: "r",
  n: "ot",
};

// Longest operators first so `**=` wins over `**` and `*`.
const OPERATORS = [
  "**=",
  "//=",
  ">>=",
  "<<=",
  "...",
  "!=",
  "%=",
  "&=",
  "**",
  "*=",
  "+=",
  "-=",
  "->",
  "//",
  "/=",
  ":=",
  "<<",
  "<=",
  "==",
  ">=",
  ">>",
  "@=",
  "^=",
  "|=",
  "%",
  "&",
  "(",
  ")",
  "*",
  "+",
  ",",
  "-",
  ".",
  "/",
  ":",
  ";",
  "<",
  "=",
  ">",
  "@",
  "[",
  "]",
  "^",
  "{",
  "|",
  "}",
  "~",
];

const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

const CLOSING_FOR: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

function isDigit(character: string): boolean {
  return character >= "0" && character <= "9";
}

function isHexDigit(character: string): boolean {
  return (
    isDigit(character) ||
    (character >= "a" && character <= "f") ||
    (character >= "A" && character <= "F")
  );
}

function isIdentifierStart(character: string): boolean {
  if (character.length === 0) return false;
  const code = character.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  // XID_Start as CPython 3.13's Unicode 15.1 tables have it (not the JS engine's version).
  return hasUnicodeFlag(character.codePointAt(0) ?? 0, UnicodeFlag.identifierStart);
}

function isIdentifierChar(character: string): boolean {
  if (character.length === 0) return false;
  const code = character.charCodeAt(0);
  if (code < 128) {
    return (
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      code === 95 ||
      (code >= 48 && code <= 57)
    );
  }
  return hasUnicodeFlag(character.codePointAt(0) ?? 0, UnicodeFlag.identifierContinue);
}

/** Thrown internally to unwind the tokenizer; converted into `TokenStream.error`. */
class TokenizerStop extends Error {
  constructor(readonly error: PythonSyntaxError) {
    super(error.msg);
  }
}

/**
 * Options for tokenizing a slice of a larger source (f-string replacement fields).
 *
 * @internal
 */
export interface TokenizeRange {
  /** First index to tokenize. @defaultValue 0 */
  start: number;
  /** Index to stop at (exclusive). @defaultValue source length */
  end: number;
  /** When true, behave as inside brackets: no NEWLINE/INDENT/DEDENT. @defaultValue false */
  insideBrackets: boolean;
}

/**
 * A CPython-compatible tokenizer over a whole source string. Works on absolute indices so that
 * f-string fields can be tokenized in place with correct line and column numbers.
 *
 * @internal
 */
class Tokenizer {
  private readonly tokens: Token[] = [];
  /** Index of the next character to read (CPython's `tok->cur`). */
  private position: number;
  private line = 1;
  private lineStart = 0;
  private readonly indentStack: number[] = [0];
  private readonly alternateIndentStack: number[] = [0];
  private readonly brackets: Token[] = [];
  private atLineStart = true;
  private readonly end: number;
  private readonly baseLevel: boolean;
  /** Where an f-string field's expression ended (field mode only); -1 at end of input. */
  private fieldEnd = -1;
  /** f-strings enclosing this tokenizer's text (CPython's mode stack). */
  private readonly fstringDepth: number;

  constructor(
    private readonly source: string,
    private readonly lineStarts: readonly number[],
    range: TokenizeRange,
    /** Set when tokenizing the expression of an f-string replacement field. */
    private readonly field: FieldContext | null = null,
  ) {
    this.fstringDepth = field?.fstringDepth ?? 0;
    this.position = range.start;
    this.end = range.end;
    this.baseLevel = range.insideBrackets;
    this.line = lineOf(lineStarts, range.start);
    this.lineStart = lineStarts[this.line - 1] ?? 0;
    this.atLineStart = !range.insideBrackets;
  }

  run(): TokenStream {
    try {
      this.tokenizeAll();
      return {
        tokens: this.tokens,
        error: null,
        openBrackets: this.brackets,
        fieldEnd: this.fieldEnd,
      };
    } catch (stop) {
      if (!(stop instanceof TokenizerStop)) throw stop;
      const at = this.position;
      this.push("ERRORTOKEN", at, at);
      return { tokens: this.tokens, error: stop.error, openBrackets: this.brackets, fieldEnd: -1 };
    }
  }

  /** Character at `index`, or "" past the end (CPython's EOF). */
  private charAt(index: number): string {
    return index < this.end ? (this.source[index] ?? "") : "";
  }

  private nextChar(): string {
    const character = this.charAt(this.position);
    this.position++;
    return character;
  }

  private backup(): void {
    this.position--;
  }

  private setLine(index: number): void {
    this.line = lineOf(this.lineStarts, index);
    this.lineStart = this.lineStarts[this.line - 1] ?? 0;
  }

  private lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? 0;
    let stop = this.source.indexOf("\n", start);
    if (stop < 0) stop = this.source.length;
    return this.source.slice(start, stop);
  }

  /** Raise at the current position like CPython's `syntaxerror()`: offset = chars before cur. */
  private errorHere(message: string, kind: SyntaxErrorKind = "SyntaxError"): never {
    const column = this.position - this.lineStart;
    return this.fail(kind, message, this.line, column, this.line, column);
  }

  private fail(
    kind: SyntaxErrorKind,
    msg: string,
    lineno: number,
    offset: number,
    endLineno: number,
    endOffset: number,
  ): never {
    throw new TokenizerStop(
      new PythonSyntaxError({
        kind,
        msg,
        lineno,
        offset,
        endLineno,
        endOffset,
        text: this.lineText(lineno),
        // CPython: _syntaxerror_range's text stops where the tokenizer stopped; indentation
        // errors take the whole line.
        stage: kind === "SyntaxError" ? "tokenizer" : undefined,
      }),
    );
  }

  private push(type: TokenType, start: number, end: number): Token {
    const line = lineOf(this.lineStarts, start);
    const endLine = end > start ? lineOf(this.lineStarts, end - 1) : line;
    const token: Token = {
      type,
      text: this.source.slice(start, end),
      line,
      column: start - (this.lineStarts[line - 1] ?? 0),
      endLine,
      endColumn: end - (this.lineStarts[endLine - 1] ?? 0),
      start,
      end,
    };
    this.tokens.push(token);
    return token;
  }

  private get level(): number {
    return this.brackets.length + (this.baseLevel ? 1 : 0);
  }

  private tokenizeAll(): void {
    for (;;) {
      if (this.atLineStart) {
        this.atLineStart = false;
        if (this.handleIndentation()) continue;
      }
      // Skip spaces, tabs and form feeds.
      let character = this.nextChar();
      while (character === " " || character === "\t" || character === "\f")
        character = this.nextChar();
      const start = this.position - 1;
      if (character === "#") {
        while (this.charAt(this.position) !== "\n" && this.charAt(this.position) !== "")
          this.position++;
        continue;
      }
      if (character === "") {
        this.position = this.end;
        if (this.brackets.length > 0 && !this.baseLevel) {
          // CPython: tok_get() returns ERRORTOKEN at EOF inside brackets; the parser then
          // reports the innermost unclosed bracket (raise_unclosed_parentheses_error).
          this.push("ERRORTOKEN", this.end, this.end);
          return;
        }
        if (this.baseLevel) {
          this.push("ENDMARKER", this.end, this.end);
          return;
        }
        const last = this.tokens[this.tokens.length - 1];
        if (
          last !== undefined &&
          last.type !== "NEWLINE" &&
          last.type !== "DEDENT" &&
          last.type !== "INDENT"
        ) {
          // CPython appends an implicit newline to the last line.
          const newline = this.push("NEWLINE", this.end, this.end);
          newline.endColumn = newline.column + 1;
        }
        // CPython places end-of-input tokens at the end of the last line (ignoring one final
        // line break), which is where "expected an indented block" points at end of input.
        const lastIndex = this.source.endsWith("\n") ? this.source.length - 1 : this.source.length;
        const endLine = lineOf(this.lineStarts, lastIndex);
        const endColumn = lastIndex - (this.lineStarts[endLine - 1] ?? 0);
        while (this.indentStack.length > 1) {
          this.indentStack.pop();
          this.alternateIndentStack.pop();
          const dedent = this.push("DEDENT", this.end, this.end);
          dedent.line = dedent.endLine = endLine;
          dedent.column = dedent.endColumn = endColumn;
        }
        const marker = this.push("ENDMARKER", this.end, this.end);
        marker.line = marker.endLine = endLine;
        marker.column = marker.endColumn = endColumn;
        return;
      }
      if (character === "\n") {
        if (this.level === 0) this.push("NEWLINE", start, start + 1);
        this.setLine(this.position);
        if (this.level === 0) this.atLineStart = true;
        continue;
      }
      if (character === "\\") {
        const next = this.nextChar();
        if (next !== "\n") {
          // CPython: "unexpected character after line continuation character" at cur.
          const column = this.position - this.lineStart;
          this.fail(
            "SyntaxError",
            next === ""
              ? "unexpected EOF while parsing"
              : "unexpected character after line continuation character",
            this.line,
            column,
            this.line,
            next === "" ? -1 : 0,
          );
        }
        if (this.charAt(this.position) === "") {
          // Reported on the continued line, just past the backslash.
          this.fail(
            "SyntaxError",
            "unexpected EOF while parsing",
            this.line,
            start - this.lineStart + 2,
            this.line,
            -1,
          );
        }
        this.setLine(this.position);
        continue;
      }
      if (isIdentifierStart(character) || this.startsAstralIdentifier(start)) {
        if (this.tryString(character, start)) continue;
        this.position = this.identifierEnd(start);
        const name = this.push("NAME", start, this.position);
        // CPython normalizes non-ASCII identifiers to NFKC (PEP 3131).
        if (/[^ -~\t]/.test(name.text)) name.text = normalizeText("NFKC", name.text);
        continue;
      }
      if (isDigit(character) || (character === "." && isDigit(this.charAt(this.position)))) {
        this.number(character, start);
        continue;
      }
      if (character === "'" || character === '"') {
        this.string(start, start, "");
        continue;
      }
      if (this.field !== null && this.brackets.length === 0 && this.endsField(character, start)) {
        this.fieldEnd = start;
        this.push("ENDMARKER", start, start);
        return;
      }
      const operator = this.operatorAt(start);
      if (operator !== null) {
        this.position = start + operator.length;
        const token = this.push("OP", start, this.position);
        if (operator === "(" || operator === "[" || operator === "{") {
          if (this.brackets.length >= MAX_BRACKET_LEVEL)
            this.errorHere("too many nested parentheses");
          this.brackets.push(token);
        } else if (operator === ")" || operator === "]" || operator === "}") {
          const open = this.brackets.pop();
          if (open === undefined) {
            if (this.baseLevel) continue;
            this.errorHere(`unmatched '${operator}'`);
          }
          if (open.text !== CLOSING_FOR[operator]) {
            const message =
              open.line !== this.line
                ? `closing parenthesis '${operator}' does not match opening parenthesis '${open.text}' on line ${open.line}`
                : `closing parenthesis '${operator}' does not match opening parenthesis '${open.text}'`;
            this.errorHere(message);
          }
        }
        continue;
      }
      if (character === "!" || character === "$" || character === "?" || character === "`") {
        // CPython returns an ERRORTOKEN the parser reports as plain "invalid syntax".
        this.push("OP", start, start + 1);
        continue;
      }
      const codePoint = this.source.codePointAt(start) ?? 0;
      const printable = /[\p{L}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(codePoint));
      const hex = codePoint.toString(16).toUpperCase().padStart(4, "0");
      this.fail(
        "SyntaxError",
        printable
          ? `invalid character '${String.fromCodePoint(codePoint)}' (U+${hex})`
          : `invalid non-printable character U+${hex}`,
        this.line,
        start - this.lineStart + 1,
        this.line,
        start - this.lineStart + 1,
      );
    }
  }

  /** Index just past the identifier characters from `from` (astral ones included). */
  private identifierEnd(from: number): number {
    let at = from;
    for (;;) {
      const unit = this.source.charCodeAt(at);
      if (
        at < this.end &&
        ((unit >= 97 && unit <= 122) ||
          (unit >= 65 && unit <= 90) ||
          (unit >= 48 && unit <= 57) ||
          unit === 95)
      ) {
        at++;
        continue;
      }
      const code = this.source.codePointAt(at) ?? 0;
      if (at >= this.end || !isIdentifierChar(String.fromCodePoint(code))) return at;
      at += code > 0xffff ? 2 : 1;
    }
  }

  /** Whether an identifier starts at `start` with a character outside the BMP. */
  private startsAstralIdentifier(start: number): boolean {
    const unit = this.source.charCodeAt(start);
    if (unit < 0xd800 || unit > 0xdbff) return false;
    const code = this.source.codePointAt(start) ?? 0;
    return code > 0xffff && isIdentifierStart(String.fromCodePoint(code));
  }

  /**
   * Whether `character` at bracket depth 0 of an f-string field ends its expression: `}`, the
   * `:` of a format spec, the `!` of a conversion or the `=` of a self-documenting field (but
   * not `!=` or `==`). CPython: the f-string checks of tok_get_normal_mode().
   */
  private endsField(character: string, start: number): boolean {
    if (character === "}" || character === ":") return true;
    if (character === "!" || character === "=") return this.charAt(start + 1) !== "=";
    return false;
  }

  private operatorAt(start: number): string | null {
    // Longest match first, by set lookup (this runs once per operator token).
    for (let length = 3; length >= 1; length--) {
      if (start + length > this.end) continue;
      const candidate = this.source.slice(start, start + length);
      if (OPERATOR_SET.has(candidate)) return candidate;
    }
    return null;
  }

  /**
   * Measure the indentation of a new logical line and emit INDENT/DEDENT tokens.
   * Returns true when the line is blank or a comment (and has been skipped).
   */
  private handleIndentation(): boolean {
    // CPython: tok_get_normal_mode(), the `if (tok->atbol)` block.
    let column = 0;
    let alternateColumn = 0;
    const lineBegin = this.position;
    for (;;) {
      const character = this.charAt(this.position);
      if (character === " ") {
        column++;
        alternateColumn++;
      } else if (character === "\t") {
        column = (Math.floor(column / TAB_SIZE) + 1) * TAB_SIZE;
        alternateColumn++;
      } else if (character === "\f") {
        column = alternateColumn = 0;
      } else break;
      this.position++;
    }
    const next = this.charAt(this.position);
    if (next === "#" || next === "\n" || next === "" || next === "\\") {
      if (next === "\\") return false;
      // Blank line or comment-only line: no indentation processing, no NEWLINE.
      if (next === "#") {
        while (this.charAt(this.position) !== "\n" && this.charAt(this.position) !== "")
          this.position++;
      }
      if (this.charAt(this.position) === "\n") {
        this.position++;
        this.setLine(this.position);
        this.atLineStart = true;
        return true;
      }
      return false;
    }
    const top = this.indentStack[this.indentStack.length - 1] ?? 0;
    const alternateTop = this.alternateIndentStack[this.alternateIndentStack.length - 1] ?? 0;
    if (column === top) {
      if (alternateColumn !== alternateTop) this.tabError();
    } else if (column > top) {
      if (this.indentStack.length >= MAX_INDENT_LEVEL) {
        this.fail("IndentationError", "too many levels of indentation", this.line, 1, this.line, 0);
      }
      if (alternateColumn <= alternateTop) this.tabError();
      this.indentStack.push(column);
      this.alternateIndentStack.push(alternateColumn);
      const token = this.push("INDENT", lineBegin, this.position);
      token.column = this.position - this.lineStart - 1;
    } else {
      while (
        this.indentStack.length > 1 &&
        column < (this.indentStack[this.indentStack.length - 1] ?? 0)
      ) {
        this.indentStack.pop();
        this.alternateIndentStack.pop();
        this.push("DEDENT", this.position, this.position);
      }
      if (column !== (this.indentStack[this.indentStack.length - 1] ?? 0)) {
        // CPython reports this from the tokenizer with the whole line as errtext.
        const text = this.lineText(this.line);
        this.fail(
          "IndentationError",
          "unindent does not match any outer indentation level",
          this.line,
          text.length + 1,
          this.line,
          -1,
        );
      }
      if (
        alternateColumn !== (this.alternateIndentStack[this.alternateIndentStack.length - 1] ?? 0)
      )
        this.tabError();
    }
    return false;
  }

  private tabError(): never {
    return this.fail(
      "TabError",
      "inconsistent use of tabs and spaces in indentation",
      this.line,
      1,
      this.line,
      0,
    );
  }

  /** If a name is a string prefix immediately followed by a quote, tokenize the string. */
  private tryString(first: string, start: number): boolean {
    let prefix = first;
    let index = start + 1;
    const second = this.charAt(index);
    if (isIdentifierChar(second) && second !== "'" && second !== '"') {
      prefix += second;
      index++;
    }
    const quote = this.charAt(index);
    if (quote !== "'" && quote !== '"') return false;
    const lower = prefix.toLowerCase();
    const valid = ["r", "u", "b", "f", "br", "rb", "fr", "rf"];
    if (!valid.includes(lower)) return false;
    this.position = index + 1;
    this.string(start, index, lower);
    return true;
  }

  /** Scan a string literal whose opening quote is at `quoteIndex` (position is just past it). */
  private string(start: number, quoteIndex: number, prefix: string): void {
    // CPython: the `letter_quote:` block of tok_get_normal_mode().
    const quote = this.charAt(quoteIndex);
    this.position = quoteIndex + 1;
    let quoteSize = 1;
    let endQuoteSize = 0;
    let character = this.nextChar();
    if (character === quote) {
      character = this.nextChar();
      if (character === quote) quoteSize = 3;
      else endQuoteSize = 1;
    }
    if (character !== quote) this.backup();
    const isFormatted = prefix.includes("f");
    if (isFormatted && this.fstringDepth >= MAX_FSTRING_LEVEL - 1) {
      // CPython: tok_get_normal_mode() when the mode stack is full (MAXFSTRINGLEVEL).
      const column = quoteIndex - this.lineStart + 1;
      this.fail("SyntaxError", "too many nested f-strings", this.line, column, this.line, column);
    }
    const startLine = lineOf(this.lineStarts, start);
    while (endQuoteSize !== quoteSize) {
      character = this.nextChar();
      if (character === "" || (quoteSize === 1 && character === "\n")) {
        this.unterminatedString(start, startLine, quote, quoteSize, isFormatted, character);
      }
      if (isFormatted && character === "{") {
        if (this.charAt(this.position) === "{") this.position++;
        else this.skipField(this.position - 1, quote, quoteSize);
        endQuoteSize = 0;
        continue;
      }
      if (character === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (character === "\\") {
          const escaped = this.nextChar();
          if (escaped === "") this.backup();
          // CPython: tok_get_fstring_mode() leaves a brace after a backslash to start a field,
          // and skips a whole \N{NAME} escape outside raw f-strings.
          else if (isFormatted && (escaped === "{" || escaped === "}")) this.backup();
          else if (isFormatted && escaped === "N" && !prefix.includes("r")) {
            if (this.charAt(this.position) === "{") {
              while (this.charAt(this.position) !== "}" && this.charAt(this.position) !== "")
                this.position++;
              if (this.charAt(this.position) === "}") this.position++;
            }
          }
        }
      }
    }
    this.push(isFormatted ? "FSTRING" : "STRING", start, this.position);
    this.setLine(this.position);
  }

  private unterminatedString(
    start: number,
    startLine: number,
    quote: string,
    quoteSize: number,
    isFormatted: boolean,
    stop: string,
  ): never {
    const column = start - (this.lineStarts[startLine - 1] ?? 0) + 1;
    // CPython: inside an f-string's field, a string opened with the f-string's own quote is
    // taken to be the f-string's end, so the field is what is unterminated.
    if (this.field !== null && this.field.quote === quote && this.field.quoteSize === quoteSize) {
      this.position = start;
      this.fail("SyntaxError", "f-string: expecting '}'", startLine, column, startLine, column);
    }
    let detectedLine = lineOf(this.lineStarts, Math.min(this.position - 1, this.source.length));
    if (stop === "" && this.source.endsWith("\n") && this.position - 1 >= this.source.length) {
      detectedLine = lineOf(this.lineStarts, this.source.length - 1);
    }
    const what = quoteSize === 3 ? "triple-quoted string" : isFormatted ? "f-string" : "string";
    // CPython adds a hint when the would-be closing quote was escaped.
    const stopIndex = this.position - 1;
    const escapedQuote =
      quoteSize === 1 && this.source[stopIndex - 1] === quote && this.source[stopIndex - 2] === "\\"
        ? "; perhaps you escaped the end quote?"
        : "";
    this.position = start;
    return this.fail(
      "SyntaxError",
      `unterminated ${what} literal (detected at line ${detectedLine})${escapedQuote}`,
      startLine,
      column,
      startLine,
      column,
    );
  }

  /**
   * Skip an f-string replacement field whose '{' is at `open` (position ends just past its '}',
   * or where the field stops making sense: the parser reports that). The expression is
   * tokenized for real (PEP 701: it may hold strings with the f-string's own quotes, nested
   * f-strings, comments and line breaks), then an optional `=`, `!conversion` and `:spec`.
   */
  private skipField(open: number, quote: string, quoteSize: number): void {
    const expression = tokenizeField(this.source, this.lineStarts, open + 1, this.end, {
      quote,
      quoteSize,
      fstringDepth: this.fstringDepth + 1,
    });
    if (expression.error !== null) throw new TokenizerStop(expression.error);
    let at = expression.fieldEnd;
    if (at < 0) {
      // CPython: the '{' is an open bracket when the input ends inside the field.
      const line = lineOf(this.lineStarts, open);
      const column = open - (this.lineStarts[line - 1] ?? 0) + 1;
      this.position = this.end;
      this.fail("SyntaxError", "'{' was never closed", line, column, line, 0);
    }
    if (this.charAt(at) === "=") at = skipDebugWhitespace(this.source, at + 1, this.end);
    if (this.charAt(at) === "!") {
      at++;
      while (isIdentifierChar(this.charAt(at))) at++;
      at = this.skipSpaces(at);
    }
    if (this.charAt(at) === ":") at = this.skipFormatSpec(at + 1, quote, quoteSize);
    if (this.charAt(at) === "}") at++;
    this.position = at;
    this.setLine(at);
  }

  private skipSpaces(from: number): number {
    let at = from;
    while (this.charAt(at) === " " || this.charAt(at) === "\t" || this.charAt(at) === "\f") at++;
    return at;
  }

  /** Skip a format spec from `from` to (not past) the '}' that ends its field. */
  private skipFormatSpec(from: number, quote: string, quoteSize: number): number {
    let at = from;
    for (;;) {
      const character = this.charAt(at);
      if (character === "" || character === "}") return at;
      if (character === "{") {
        this.skipField(at, quote, quoteSize);
        at = this.position;
        continue;
      }
      if (character === "\\") {
        at += 2;
        continue;
      }
      const closesString =
        character === quote && (quoteSize === 1 || this.source.startsWith(quote.repeat(3), at));
      if (closesString || (character === "\n" && quoteSize === 1)) {
        // CPython: "f-string: expecting '}', or format specs", at the quote or the next line.
        this.position = at + 1;
        this.setLine(this.position);
        const column = character === "\n" ? 1 : at - this.lineStart + 1;
        this.fail(
          "SyntaxError",
          "f-string: expecting '}', or format specs",
          this.line,
          column,
          this.line,
          column + 1,
        );
      }
      at++;
    }
  }

  /** Scan a number literal; `first` has been read. CPython: the number block of tok_get. */
  private number(first: string, start: number): void {
    let character = first;
    const decimalTail = (): string => {
      // CPython: tok_decimal_tail()
      for (;;) {
        do character = this.nextChar();
        while (isDigit(character));
        if (character !== "_") break;
        character = this.nextChar();
        if (!isDigit(character)) {
          this.backup();
          this.errorHere("invalid decimal literal");
        }
      }
      return character;
    };
    const verifyEnd = (kind: string): void => {
      // CPython: verify_end_of_number()
      const follow = KEYWORD_AFTER_NUMBER[character];
      let keywordFollows = follow !== undefined && this.source.startsWith(follow, this.position);
      if (character === "i") {
        const next = this.charAt(this.position);
        keywordFollows = next === "f" || next === "n" || next === "s";
      }
      if (keywordFollows) return;
      if (character.length > 0 && character.charCodeAt(0) < 128 && isIdentifierChar(character)) {
        this.backup();
        this.errorHere(`invalid ${kind} literal`);
      }
    };
    const exponent = (): void => {
      const marker = character;
      character = this.nextChar();
      if (character === "+" || character === "-") {
        character = this.nextChar();
        if (!isDigit(character)) {
          this.backup();
          this.errorHere("invalid decimal literal");
        }
      } else if (!isDigit(character)) {
        this.backup();
        character = marker;
        verifyEnd("decimal");
        return;
      }
      decimalTail();
    };
    const fractionAndRest = (): void => {
      if (isDigit(character)) decimalTail();
      if (character === "e" || character === "E") exponent();
      if (character === "j" || character === "J") {
        character = this.nextChar();
        verifyEnd("imaginary");
      } else verifyEnd("decimal");
    };
    if (first === ".") {
      character = this.nextChar();
      fractionAndRest();
    } else if (first === "0") {
      character = this.nextChar();
      const radix = character.toLowerCase();
      if (radix === "x" || radix === "o" || radix === "b") {
        const name = radix === "x" ? "hexadecimal" : radix === "o" ? "octal" : "binary";
        const valid =
          radix === "x"
            ? isHexDigit
            : radix === "o"
              ? (c: string) => c >= "0" && c <= "7"
              : (c: string) => c === "0" || c === "1";
        character = this.nextChar();
        do {
          if (character === "_") character = this.nextChar();
          if (!valid(character)) {
            if (radix !== "x" && isDigit(character))
              this.errorHere(`invalid digit '${character}' in ${name} literal`);
            this.backup();
            this.errorHere(`invalid ${name} literal`);
          }
          do character = this.nextChar();
          while (valid(character));
        } while (character === "_");
        if (radix !== "x" && isDigit(character))
          this.errorHere(`invalid digit '${character}' in ${name} literal`);
        verifyEnd(name);
      } else {
        let nonzero = false;
        for (;;) {
          if (character === "_") {
            character = this.nextChar();
            if (!isDigit(character)) {
              this.backup();
              this.errorHere("invalid decimal literal");
            }
          }
          if (character !== "0") break;
          character = this.nextChar();
        }
        const zerosEnd = this.position;
        if (isDigit(character)) {
          nonzero = true;
          decimalTail();
        }
        if (character === ".") {
          character = this.nextChar();
          fractionAndRest();
        } else if (character === "e" || character === "E") {
          exponent();
          if ((character as string) === "j" || (character as string) === "J") {
            character = this.nextChar();
            verifyEnd("imaginary");
          } else verifyEnd("decimal");
        } else if (character === "j" || character === "J") {
          character = this.nextChar();
          verifyEnd("imaginary");
        } else if (nonzero) {
          this.backup();
          const line = this.line;
          this.fail(
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            line,
            start - this.lineStart + 1,
            line,
            zerosEnd - this.lineStart,
          );
        } else verifyEnd("decimal");
      }
    } else {
      decimalTail();
      if (character === ".") {
        character = this.nextChar();
        fractionAndRest();
      } else {
        if (character === "e" || character === "E") exponent();
        if ((character as string) === "j" || (character as string) === "J") {
          character = this.nextChar();
          verifyEnd("imaginary");
        } else verifyEnd("decimal");
      }
    }
    this.backup();
    this.push("NUMBER", start, this.position);
  }
}

/**
 * Index (1-based line number) of the line containing `index`, by binary search over line starts.
 *
 * @internal
 */
export function lineOf(lineStarts: readonly number[], index: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= index) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/**
 * Start index of every line of `source` (which must use `\n` line endings).
 *
 * @internal
 */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf("\n"); index >= 0; index = source.indexOf("\n", index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

/**
 * Tokenize `source` (already normalized to `\n` line endings) from `range.start` to `range.end`.
 * Never throws for bad input: a tokenizer error is returned in `TokenStream.error`.
 *
 * @example
 * ```ts
 * const source = "x = 1\n";
 * const stream = tokenize(source, computeLineStarts(source));
 * stream.tokens.map((token) => token.type); // NAME OP NUMBER NEWLINE ENDMARKER
 * ```
 * @internal
 */
export function tokenize(
  source: string,
  lineStarts: readonly number[],
  range: Partial<TokenizeRange> = {},
): TokenStream {
  return new Tokenizer(source, lineStarts, {
    start: range.start ?? 0,
    end: range.end ?? source.length,
    insideBrackets: range.insideBrackets ?? false,
  }).run();
}

/**
 * Index past the whitespace, line breaks and comments after the `=` of a self-documenting
 * f-string field (`f"{x = # note\n}"`), from `from`, stopping at `end`.
 *
 * @example
 * ```ts
 * skipDebugWhitespace("f'{x = }'", 5, 9); // 6
 * ```
 * @internal
 */
export function skipDebugWhitespace(source: string, from: number, end: number): number {
  let at = from;
  while (at < end) {
    const character = source[at];
    if (character === "#") {
      while (at < end && source[at] !== "\n") at++;
    } else if (character === " " || character === "\t" || character === "\f" || character === "\n")
      at++;
    else break;
  }
  return at;
}

/**
 * Tokenize the expression of an f-string replacement field starting at `start` (just past its
 * `{`), as inside brackets, up to the `}`, `:`, `!` or `=` that ends it at bracket depth 0
 * (`TokenStream.fieldEnd`; the stream ends there with an ENDMARKER).
 *
 * @example
 * ```ts
 * const source = "f'{a + b!r}'";
 * tokenizeField(source, computeLineStarts(source), 3, source.length, {
 *   quote: "'", quoteSize: 1, fstringDepth: 1,
 * }).fieldEnd; // 8, the '!'
 * ```
 * @internal
 */
export function tokenizeField(
  source: string,
  lineStarts: readonly number[],
  start: number,
  end: number,
  field: FieldContext,
): TokenStream {
  return new Tokenizer(source, lineStarts, { start, end, insideBrackets: true }, field).run();
}
