import type * as Ast from "./ast.js";
import { decodeStringBody, parseNumberLiteral, stringPrefixLength } from "./literals.js";
import { checkScopes } from "./scope-check.js";
import { PythonSyntaxError, type SyntaxErrorKind } from "./syntax-error.js";
import { describeExpression, findInvalidTarget, setContext } from "./targets.js";
import { computeLineStarts, lineOf, type Token, type TokenStream, tokenize } from "./tokenizer.js";

/**
 * CPython's parser gives up with "Parser stack overflowed" (a MemoryError) after MAXSTACK = 6000
 * rule levels; chains of unary operators, `not` and conditional expressions therefore stop at
 * 5968 levels, `**` and `lambda` chains at 2984. We parse those chains iteratively and charge
 * them against the same budget so the AST stays as deep as CPython allows and no deeper.
 */
const NESTING_BUDGET = 5968;
/** Real JS recursion (brackets, f-string fields, lambda/if-else mixes) is capped well below the JS stack. */
const MAX_RECURSION = 1000;
/** CPython: MAXFSTRINGLEVEL — f-strings nest at most this deep (the 150th raises). */
const MAX_FSTRING_LEVEL = 150;
const STACK_OVERFLOW_MESSAGE = "Parser stack overflowed - Python source too complex to parse";

const KEYWORDS = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);

const AUGMENTED: Record<string, Ast.BinaryOperator> = {
  "+=": "Add",
  "-=": "Sub",
  "*=": "Mult",
  "@=": "MatMult",
  "/=": "Div",
  "//=": "FloorDiv",
  "%=": "Mod",
  "**=": "Pow",
  "<<=": "LShift",
  ">>=": "RShift",
  "|=": "BitOr",
  "^=": "BitXor",
  "&=": "BitAnd",
};

/** Binary operator levels, loosest first: `|`, `^`, `&`, shifts, additive, multiplicative. */
const BINARY_LEVELS: ReadonlyArray<Record<string, Ast.BinaryOperator>> = [
  { "|": "BitOr" },
  { "^": "BitXor" },
  { "&": "BitAnd" },
  { "<<": "LShift", ">>": "RShift" },
  { "+": "Add", "-": "Sub" },
  { "*": "Mult", "/": "Div", "//": "FloorDiv", "%": "Mod", "@": "MatMult" },
];

const COMPARISONS: Record<string, Ast.ComparisonOperator> = {
  "==": "Eq",
  "!=": "NotEq",
  "<": "Lt",
  "<=": "LtE",
  ">": "Gt",
  ">=": "GtE",
};

const UNSUPPORTED_KEYWORDS: Record<string, string> = {
  with: "'with' statements are not supported by this interpreter",
  async: "'async' is not supported by this interpreter",
  await: "'await' is not supported by this interpreter",
  yield: "'yield' is not supported by this interpreter",
};

interface SharedState {
  readonly source: string;
  readonly lineStarts: readonly number[];
  /** Cost of nested chains parsed so far on the current path (see NESTING_BUDGET). */
  budget: number;
  /** Current JS recursion depth through expression(). */
  recursion: number;
  /** Bracket nesting across f-string fields (each field has its own tokenizer). */
  bracketDepth: number;
  /** f-strings nested inside the fields of the f-string being parsed. */
  fstringDepth: number;
}

type Located = Ast.SourceRange;

/**
 * Parenthesized expressions keep their own range (as in CPython), but nodes built around them
 * span the parentheses, because CPython's node ranges run from first to last *token*.
 */
const PARENTHESIZED_SPANS = new WeakMap<object, Ast.SourceRange>();

function range(start: Located, end: Located): Ast.SourceRange {
  const from = PARENTHESIZED_SPANS.get(start) ?? start;
  const to = PARENTHESIZED_SPANS.get(end) ?? end;
  return { line: from.line, column: from.column, endLine: to.endLine, endColumn: to.endColumn };
}

/**
 * Recursive-descent parser over a token stream, following CPython's PEG grammar
 * (Grammar/python.gram) for the supported subset, with its `invalid_*` error rules folded in
 * where the subset needs them.
 */
class Parser {
  private index = 0;
  /** Furthest token index looked at: CPython reports generic errors there. */
  private furthest = 0;
  private readonly tokens: Token[];

  constructor(
    private readonly stream: TokenStream,
    private readonly state: SharedState,
  ) {
    this.tokens = stream.tokens;
  }

  // ─── token access ──────────────────────────────────────────────────────────────────────────

  private peek(offset = 0): Token {
    const position = Math.min(this.index + offset, this.tokens.length - 1);
    const token = this.tokens[position] as Token;
    if (position > this.furthest) this.furthest = position;
    if (token.type === "ERRORTOKEN") this.raiseTokenizerError();
    return token;
  }

  private raiseTokenizerError(): never {
    if (this.stream.error !== null) throw this.stream.error;
    // CPython: raise_unclosed_parentheses_error()
    const open = this.stream.openBrackets[this.stream.openBrackets.length - 1];
    if (open === undefined)
      return this.fail("invalid syntax", this.tokens[this.tokens.length - 1] as Token);
    return this.raise(
      "SyntaxError",
      `'${open.text}' was never closed`,
      open.line,
      open.column + 1,
      open.line,
      0,
    );
  }

  /** Errors raised by reaching the tokenizer's error token, which always propagate. */
  isTokenizerError(error: PythonSyntaxError): boolean {
    return error === this.stream.error || error.msg.endsWith("was never closed");
  }

  private advance(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private get previous(): Token {
    return this.tokens[this.index - 1] as Token;
  }

  private isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "OP" && token.text === text;
  }

  private isKeyword(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "NAME" && token.text === text;
  }

  private acceptOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.index++;
    return true;
  }

  private acceptKeyword(text: string): boolean {
    if (!this.isKeyword(text)) return false;
    this.index++;
    return true;
  }

  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.invalidSyntax();
    return this.advance();
  }

  /** A forced token (`&&':'` in the grammar): "expected ':'" at whatever token is there. */
  private expectForced(text: string): Token {
    if (!this.isOp(text)) this.fail(`expected '${text}'`, this.peek());
    return this.advance();
  }

  /** ':' after a compound statement header: "expected ':'" only when the line ends there. */
  private expectColon(forced: boolean): void {
    if (this.acceptOp(":")) return;
    const token = this.peek();
    if (forced || token.type === "NEWLINE") this.fail("expected ':'", token);
    this.invalidSyntax();
  }

  private expectName(): Token {
    const token = this.peek();
    if (token.type !== "NAME" || KEYWORDS.has(token.text)) this.invalidSyntax();
    return this.advance();
  }

  private isName(offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "NAME" && !KEYWORDS.has(token.text);
  }

  // ─── errors ────────────────────────────────────────────────────────────────────────────────

  private raise(
    kind: SyntaxErrorKind,
    msg: string,
    lineno: number,
    offset: number,
    endLineno: number,
    endOffset: number,
  ): never {
    throw new PythonSyntaxError({
      kind,
      msg,
      lineno,
      offset,
      endLineno,
      endOffset,
      text: lineText(this.state, lineno),
    });
  }

  /** Raise at a node or token range, 1-based offsets like CPython's RAISE_SYNTAX_ERROR_KNOWN_RANGE. */
  fail(msg: string, at: Located, kind: SyntaxErrorKind = "SyntaxError"): never {
    const isEnd =
      "type" in at && ((at as Token).type === "ENDMARKER" || (at as Token).type === "DEDENT");
    return this.raise(kind, msg, at.line, at.column + 1, at.endLine, isEnd ? -1 : at.endColumn + 1);
  }

  /** CPython: _Pypegen_set_syntax_error() — generic error at the furthest token read. */
  invalidSyntax(): never {
    const token = this.tokens[this.furthest] as Token;
    if (token.type === "ERRORTOKEN") this.raiseTokenizerError();
    if (token.type === "INDENT")
      return this.raise(
        "IndentationError",
        "unexpected indent",
        token.line,
        token.column + 1,
        token.line,
        -1,
      );
    if (token.type === "DEDENT" && this.tokens[this.furthest + 1]?.type !== "ENDMARKER") {
      return this.raise(
        "IndentationError",
        "unexpected unindent",
        token.line,
        token.column + 1,
        token.line,
        -1,
      );
    }
    return this.fail("invalid syntax", token);
  }

  /** Whether the furthest token looked at is the end of input. */
  reachedEnd(): boolean {
    return this.tokens[this.furthest]?.type === "ENDMARKER";
  }

  private enter(at: Located): void {
    this.state.recursion++;
    if (this.state.recursion > MAX_RECURSION) this.fail(STACK_OVERFLOW_MESSAGE, at);
  }

  private leave(): void {
    this.state.recursion--;
  }

  private charge(cost: number, at: Located): void {
    this.state.budget += cost;
    if (this.state.budget > NESTING_BUDGET) this.fail(STACK_OVERFLOW_MESSAGE, at);
  }

  // ─── module and statements ─────────────────────────────────────────────────────────────────

  parseModule(): Ast.Module {
    const body: Ast.Statement[] = [];
    while (this.peek().type !== "ENDMARKER") {
      if (this.peek().type === "NEWLINE") {
        this.index++;
        continue;
      }
      this.statement(body);
    }
    const first = body[0];
    const last = body[body.length - 1];
    return {
      kind: "Module",
      body,
      line: first?.line ?? 1,
      column: first?.column ?? 0,
      endLine: last?.endLine ?? 1,
      endColumn: last?.endColumn ?? 0,
    };
  }

  /** Parse one statement line (a compound statement or `;`-separated simple statements). */
  private statement(into: Ast.Statement[]): void {
    const token = this.peek();
    if (token.type === "INDENT") this.invalidSyntax();
    if (token.type === "OP" && token.text === "@") {
      this.fail("decorators are not supported by this interpreter", token);
    }
    if (token.type === "NAME") {
      switch (token.text) {
        case "if":
          into.push(this.ifStatement("if"));
          return;
        case "while":
          into.push(this.whileStatement());
          return;
        case "for":
          into.push(this.forStatement());
          return;
        case "def":
          into.push(this.functionDefinition());
          return;
        case "class":
          into.push(this.classDefinition());
          return;
        case "try":
          into.push(this.tryStatement());
          return;
        default: {
          const message = UNSUPPORTED_KEYWORDS[token.text];
          if (message !== undefined) this.fail(message, token);
        }
      }
    }
    for (;;) {
      into.push(this.simpleStatement());
      if (this.acceptOp(";")) {
        if (this.peek().type === "NEWLINE") break;
        continue;
      }
      break;
    }
    if (this.peek().type !== "NEWLINE") this.invalidSyntax();
    this.index++;
  }

  /**
   * A block after ':' — an indented suite or simple statements on the same line.
   * `what` names the header for "expected an indented block after ...".
   */
  private block(what: string): Ast.Statement[] {
    const body: Ast.Statement[] = [];
    if (this.peek().type !== "NEWLINE") {
      for (;;) {
        body.push(this.simpleStatement());
        if (this.acceptOp(";")) {
          if (this.peek().type === "NEWLINE") break;
          continue;
        }
        break;
      }
      if (this.peek().type !== "NEWLINE") this.invalidSyntax();
      this.index++;
      return body;
    }
    this.index++;
    const indent = this.peek();
    if (indent.type !== "INDENT")
      this.fail(`expected an indented block after ${what}`, indent, "IndentationError");
    this.index++;
    this.enter(indent);
    while (this.peek().type !== "DEDENT" && this.peek().type !== "ENDMARKER") this.statement(body);
    this.leave();
    if (this.peek().type === "DEDENT") this.index++;
    return body;
  }

  private ifStatement(keyword: "if" | "elif"): Ast.If {
    const start = this.advance();
    const test = this.namedExpression();
    this.expectColon(false);
    const body = this.block(`'${keyword}' statement on line ${start.line}`);
    let orelse: Ast.Statement[] = [];
    if (this.isKeyword("elif")) orelse = [this.ifStatement("elif")];
    else if (this.isKeyword("else")) orelse = this.elseBlock();
    const last = orelse[orelse.length - 1] ?? body[body.length - 1] ?? start;
    return { kind: "If", test, body, orelse, ...range(start, last) };
  }

  private elseBlock(): Ast.Statement[] {
    const token = this.advance();
    this.expectForced(":");
    return this.block(`'else' statement on line ${token.line}`);
  }

  private whileStatement(): Ast.While {
    const start = this.advance();
    const test = this.namedExpression();
    this.expectColon(false);
    const body = this.block(`'while' statement on line ${start.line}`);
    const orelse = this.isKeyword("else") ? this.elseBlock() : [];
    const last = orelse[orelse.length - 1] ?? body[body.length - 1] ?? start;
    return { kind: "While", test, body, orelse, ...range(start, last) };
  }

  private forStatement(): Ast.For {
    const start = this.advance();
    const target = this.targetList();
    if (!this.acceptKeyword("in")) {
      this.validateTarget(target, "assign");
      this.invalidSyntax();
    }
    this.validateTarget(target, "assign");
    setContext(target, "Store");
    const iterable = this.starExpressions();
    this.expectColon(false);
    const body = this.block(`'for' statement on line ${start.line}`);
    const orelse = this.isKeyword("else") ? this.elseBlock() : [];
    const last = orelse[orelse.length - 1] ?? body[body.length - 1] ?? start;
    return { kind: "For", target, iter: iterable, body, orelse, ...range(start, last) };
  }

  /** `star_targets` for `for` and comprehensions: bitwise-or level items separated by commas. */
  private targetList(): Ast.Expression {
    const first = this.bitwiseOr();
    if (!this.isOp(",")) return first;
    const elements = [first];
    while (this.acceptOp(",")) {
      if (!this.canStartExpression()) break;
      elements.push(this.bitwiseOr());
    }
    return { kind: "Tuple", elts: elements, ctx: "Load", ...range(first, this.previous) };
  }

  private functionDefinition(): Ast.FunctionDef {
    const start = this.advance();
    const name = this.expectName();
    this.expectForced("(");
    const args = this.parameters(")");
    this.expectOp(")");
    if (this.isOp("->")) {
      this.fail("return annotations are not supported by this interpreter", this.peek());
    }
    this.expectForced(":");
    const body = this.block(`function definition on line ${start.line}`);
    return {
      kind: "FunctionDef",
      name: name.text,
      args,
      body,
      ...range(start, body[body.length - 1] ?? start),
    };
  }

  /** Parameters of `def` (closed by ')') or `lambda` (closed by ':'). */
  private parameters(closer: string): Ast.Arguments {
    const args: Ast.Arg[] = [];
    const defaults: Ast.Expression[] = [];
    let vararg: Ast.Arg | null = null;
    let kwarg: Ast.Arg | null = null;
    while (!this.isOp(closer)) {
      if (kwarg !== null) {
        this.fail("arguments cannot follow var-keyword argument", this.peek());
      }
      if (this.acceptOp("**")) {
        const name = this.expectName();
        kwarg = { kind: "arg", arg: name.text, ...range(name, name) };
      } else if (this.isOp("/")) {
        this.fail("positional-only parameters are not supported by this interpreter", this.peek());
      } else if (this.acceptOp("*")) {
        if (this.isOp(",")) {
          this.fail("keyword-only parameters are not supported by this interpreter", this.previous);
        }
        if (vararg !== null) this.fail("* argument may appear only once", this.previous);
        const name = this.expectName();
        vararg = { kind: "arg", arg: name.text, ...range(name, name) };
      } else {
        if (vararg !== null)
          this.fail("keyword-only parameters are not supported by this interpreter", this.peek());
        const name = this.expectName();
        args.push({ kind: "arg", arg: name.text, ...range(name, name) });
        if (this.acceptOp("=")) defaults.push(this.expression());
        else if (defaults.length > 0) {
          this.fail("parameter without a default follows parameter with a default", name);
        }
      }
      if (!this.acceptOp(",")) break;
    }
    if (!this.isOp(closer)) this.invalidSyntax();
    return { kind: "arguments", args, vararg, kwarg, defaults };
  }

  private classDefinition(): Ast.ClassDef {
    const start = this.advance();
    const name = this.expectName();
    const bases: Ast.Expression[] = [];
    if (this.acceptOp("(")) {
      while (!this.isOp(")")) {
        if ((this.isName() && this.isOp("=", 1)) || this.isOp("**")) {
          this.fail("class keyword arguments are not supported by this interpreter", this.peek());
        }
        const base = this.expression();
        bases.push(base);
        if (!this.acceptOp(",")) {
          if (!this.isOp(")")) this.missingComma(base);
          break;
        }
      }
      this.expectOp(")");
    }
    this.expectColon(false);
    const body = this.block(`class definition on line ${start.line}`);
    return {
      kind: "ClassDef",
      name: name.text,
      bases,
      body,
      ...range(start, body[body.length - 1] ?? start),
    };
  }

  private tryStatement(): Ast.Try {
    const start = this.advance();
    this.expectForced(":");
    const body = this.block(`'try' statement on line ${start.line}`);
    const handlers: Ast.ExceptHandler[] = [];
    while (this.isKeyword("except")) {
      const keyword = this.advance();
      let type: Ast.Expression | null = null;
      let name: string | null = null;
      if (!this.isOp(":")) {
        if (this.peek().type === "NEWLINE") this.fail("expected ':'", this.peek());
        type = this.expression();
        if (this.isOp(",")) {
          this.fail("multiple exception types must be parenthesized", type);
        }
        if (this.acceptKeyword("as")) name = this.expectName().text;
      }
      this.expectColon(false);
      const handlerBody = this.block(`'except' statement on line ${keyword.line}`);
      handlers.push({
        kind: "ExceptHandler",
        type,
        name,
        body: handlerBody,
        ...range(keyword, handlerBody[handlerBody.length - 1] ?? keyword),
      });
    }
    for (let index = 0; index < handlers.length - 1; index++) {
      const handler = handlers[index] as Ast.ExceptHandler;
      if (handler.type === null) this.fail("default 'except:' must be last", handler);
    }
    let orelse: Ast.Statement[] = [];
    let finalbody: Ast.Statement[] = [];
    if (handlers.length > 0 && this.isKeyword("else")) orelse = this.elseBlock();
    if (this.isKeyword("finally")) {
      const keyword = this.advance();
      this.expectForced(":");
      finalbody = this.block(`'finally' statement on line ${keyword.line}`);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      this.fail("expected 'except' or 'finally' block", this.peek());
    }
    const last =
      finalbody[finalbody.length - 1] ??
      orelse[orelse.length - 1] ??
      handlers[handlers.length - 1] ??
      start;
    return { kind: "Try", body, handlers, orelse, finalbody, ...range(start, last) };
  }

  private simpleStatement(): Ast.Statement {
    const token = this.peek();
    if (token.type === "NAME") {
      switch (token.text) {
        case "pass":
          this.index++;
          return { kind: "Pass", ...range(token, token) };
        case "break":
          this.index++;
          return { kind: "Break", ...range(token, token) };
        case "continue":
          this.index++;
          return { kind: "Continue", ...range(token, token) };
        case "return": {
          this.index++;
          const value = this.atStatementEnd() ? null : this.starExpressions();
          return { kind: "Return", value, ...range(token, value ?? token) };
        }
        case "raise": {
          this.index++;
          if (this.atStatementEnd())
            return { kind: "Raise", exc: null, cause: null, ...range(token, token) };
          const exc = this.expression();
          const cause = this.acceptKeyword("from") ? this.expression() : null;
          return { kind: "Raise", exc, cause, ...range(token, cause ?? exc) };
        }
        case "global":
        case "nonlocal": {
          this.index++;
          const names = [this.expectName().text];
          while (this.acceptOp(",")) names.push(this.expectName().text);
          return {
            kind: token.text === "global" ? "Global" : "Nonlocal",
            names,
            ...range(token, this.previous),
          };
        }
        case "del":
          return this.deleteStatement();
        case "assert": {
          this.index++;
          const test = this.expression();
          const msg = this.acceptOp(",") ? this.expression() : null;
          return { kind: "Assert", test, msg, ...range(token, msg ?? test) };
        }
        case "import":
          return this.importStatement();
        case "from":
          return this.fromImportStatement();
        default: {
          const message = UNSUPPORTED_KEYWORDS[token.text];
          if (message !== undefined) this.fail(message, token);
        }
      }
    }
    return this.expressionStatement();
  }

  private atStatementEnd(): boolean {
    const token = this.peek();
    return token.type === "NEWLINE" || (token.type === "OP" && token.text === ";");
  }

  private deleteStatement(): Ast.Delete {
    const start = this.advance();
    const targets: Ast.Expression[] = [];
    for (;;) {
      const target = this.bitwiseOr();
      targets.push(target);
      if (!this.acceptOp(",") || this.atStatementEnd()) break;
    }
    if (!this.atStatementEnd()) this.invalidSyntax();
    for (const target of targets) {
      this.validateTarget(target, "delete");
      setContext(target, "Del");
    }
    return { kind: "Delete", targets, ...range(start, this.previous) };
  }

  private dottedName(): string {
    let name = this.expectName().text;
    while (this.acceptOp(".")) name += `.${this.expectName().text}`;
    return name;
  }

  private alias(dotted: boolean): Ast.Alias {
    const start = this.peek();
    const name = dotted ? this.dottedName() : this.expectName().text;
    const asname = this.acceptKeyword("as") ? this.expectName().text : null;
    return { kind: "alias", name, asname, ...range(start, this.previous) };
  }

  private importStatement(): Ast.Import {
    const start = this.advance();
    if (this.peek().type === "NEWLINE") this.expectedNames(this.peek());
    const names = [this.alias(true)];
    while (this.acceptOp(",")) names.push(this.alias(true));
    return { kind: "Import", names, ...range(start, this.previous) };
  }

  private expectedNames(at: Token): never {
    // CPython: RAISE_SYNTAX_ERROR_STARTING_FROM(token, ...) in invalid_import.
    return this.raise(
      "SyntaxError",
      "Expected one or more names after 'import'",
      at.line,
      at.column + 1,
      at.line,
      at.column + 1,
    );
  }

  private fromImportStatement(): Ast.ImportFrom {
    const start = this.advance();
    let level = 0;
    while (this.isOp(".") || this.isOp("...")) level += this.advance().text.length;
    const module = level > 0 && this.isKeyword("import") ? null : this.dottedName();
    if (!this.acceptKeyword("import")) this.invalidSyntax();
    if (this.peek().type === "NEWLINE") this.expectedNames(this.peek());
    const names: Ast.Alias[] = [];
    if (this.isOp("*")) {
      const star = this.advance();
      names.push({ kind: "alias", name: "*", asname: null, ...range(star, star) });
    } else {
      const parenthesized = this.acceptOp("(");
      names.push(this.alias(false));
      while (this.acceptOp(",")) {
        if (parenthesized && this.isOp(")")) break;
        names.push(this.alias(false));
      }
      if (parenthesized) this.expectOp(")");
    }
    return { kind: "ImportFrom", module, names, level, ...range(start, this.previous) };
  }

  private expressionStatement(): Ast.Statement {
    const first = this.starExpressions();
    const operatorToken = this.peek();
    if (operatorToken.type === "OP" && operatorToken.text === "=") {
      const items = [first];
      while (this.acceptOp("=")) {
        if (this.isKeyword("yield")) this.fail(UNSUPPORTED_KEYWORDS.yield as string, this.peek());
        items.push(this.starExpressions());
      }
      const value = items.pop() as Ast.Expression;
      this.validateAssignment(items, value);
      for (const target of items) setContext(target, "Store");
      return { kind: "Assign", targets: items, value, ...range(first, value) };
    }
    if (operatorToken.type === "OP" && operatorToken.text in AUGMENTED) {
      if (first.kind !== "Name" && first.kind !== "Attribute" && first.kind !== "Subscript") {
        this.fail(
          `'${describeExpression(first)}' is an illegal expression for augmented assignment`,
          first,
        );
      }
      this.index++;
      const value = this.starExpressions();
      setContext(first, "Store");
      return {
        kind: "AugAssign",
        target: first,
        op: AUGMENTED[operatorToken.text] as Ast.BinaryOperator,
        value,
        ...range(first, value),
      };
    }
    if (!this.atStatementEnd()) {
      // CPython: invalid_expression / _PyPegen_check_legacy_stmt for `print "x"`.
      if (
        first.kind === "Name" &&
        (first.id === "print" || first.id === "exec") &&
        this.canStartExpression()
      ) {
        const saved = this.index;
        try {
          const argument = this.expression();
          this.fail(
            `Missing parentheses in call to '${first.id}'. Did you mean ${first.id}(...)?`,
            range(first, argument),
          );
        } catch (error) {
          if (!(error instanceof PythonSyntaxError) || !error.msg.startsWith("Missing parentheses"))
            this.index = saved;
          else throw error;
        }
      }
      if (this.isOp(":") && this.state.bracketDepth === 0) {
        this.fail("variable annotations are not supported by this interpreter", this.peek());
      }
      if (this.isOp(":="))
        this.fail(
          "':=' (assignment expressions) are not supported by this interpreter",
          this.peek(),
        );
    }
    return { kind: "Expr", value: first, ...range(first, first) };
  }

  /** CPython: invalid_assignment and invalid_named_expression. */
  private validateAssignment(targets: Ast.Expression[], value: Ast.Expression): void {
    const first = targets[0] as Ast.Expression;
    if (
      targets.length === 1 &&
      findInvalidTarget(first, "assign") === first &&
      isBitwiseOrLevel(first)
    ) {
      const excluded =
        first.kind === "List" ||
        first.kind === "Tuple" ||
        first.kind === "GeneratorExp" ||
        (first.kind === "Constant" &&
          (first.constantType === "bool" || first.constantType === "None"));
      const valueStartsBitwiseOr =
        !(value.kind === "UnaryOp" && value.op === "Not") &&
        value.kind !== "Lambda" &&
        value.kind !== "Starred" &&
        !(value.kind === "BoolOp" && firstOperandIsNot(value));
      if (!excluded && valueStartsBitwiseOr) {
        this.fail(
          `cannot assign to ${describeExpression(first)} here. Maybe you meant '==' instead of '='?`,
          first,
        );
      }
    }
    for (const target of targets) this.validateTarget(target, "assign");
  }

  private validateTarget(target: Ast.Expression, mode: "assign" | "delete"): void {
    const invalid = findInvalidTarget(target, mode);
    if (invalid === null) return;
    const verb = mode === "delete" ? "delete" : "assign to";
    this.fail(`cannot ${verb} ${describeExpression(invalid)}`, invalid);
  }

  // ─── expressions ───────────────────────────────────────────────────────────────────────────

  /** Whether the current token can begin an expression (for tuples and missing-comma hints). */
  canStartExpression(offset = 0): boolean {
    const token = this.peek(offset);
    switch (token.type) {
      case "NAME":
        return (
          !KEYWORDS.has(token.text) ||
          ["True", "False", "None", "not", "lambda", "await"].includes(token.text)
        );
      case "NUMBER":
      case "STRING":
      case "FSTRING":
        return true;
      case "OP":
        return ["(", "[", "{", "-", "+", "~", "...", "*"].includes(token.text);
      default:
        return false;
    }
  }

  /** star_expressions: an expression or an unparenthesized tuple. */
  starExpressions(): Ast.Expression {
    const first = this.starExpression();
    if (!this.isOp(",")) return first;
    const elements = [first];
    while (this.acceptOp(",")) {
      if (!this.canStartExpression()) break;
      elements.push(this.starExpression());
    }
    return { kind: "Tuple", elts: elements, ctx: "Load", ...range(first, this.previous) };
  }

  private starExpression(): Ast.Expression {
    if (this.isOp("*")) {
      const star = this.advance();
      const value = this.bitwiseOr();
      return { kind: "Starred", value, ctx: "Load", ...range(star, value) };
    }
    return this.expression();
  }

  private namedExpression(): Ast.Expression {
    const value = this.expression();
    if (this.isOp(":="))
      this.fail("':=' (assignment expressions) are not supported by this interpreter", this.peek());
    return value;
  }

  /**
   * expression: lambda chains and conditional-expression chains, parsed iteratively so their
   * length costs no JS stack.
   */
  expression(): Ast.Expression {
    const startToken = this.peek();
    this.enter(startToken);
    const budgetBefore = this.state.budget;
    const lambdas: { start: Token; args: Ast.Arguments }[] = [];
    while (this.isKeyword("lambda")) {
      const start = this.advance();
      const args = this.parameters(":");
      this.expectOp(":");
      lambdas.push({ start, args });
      this.charge(2, start);
    }
    const pairs: { body: Ast.Expression; test: Ast.Expression }[] = [];
    let result: Ast.Expression;
    for (;;) {
      if (this.isKeyword("lambda")) {
        result = this.expression();
        break;
      }
      const body = this.disjunction();
      if (!this.isKeyword("if")) {
        result = body;
        break;
      }
      this.index++;
      const test = this.disjunction();
      if (!this.acceptKeyword("else")) {
        if (this.isOp(":")) this.invalidSyntax();
        this.fail("expected 'else' after 'if' expression", range(body, test));
      }
      pairs.push({ body, test });
      this.charge(1, test);
    }
    for (let index = pairs.length - 1; index >= 0; index--) {
      const pair = pairs[index] as { body: Ast.Expression; test: Ast.Expression };
      result = {
        kind: "IfExp",
        test: pair.test,
        body: pair.body,
        orelse: result,
        ...range(pair.body, result),
      };
    }
    for (let index = lambdas.length - 1; index >= 0; index--) {
      const lambda = lambdas[index] as { start: Token; args: Ast.Arguments };
      result = { kind: "Lambda", args: lambda.args, body: result, ...range(lambda.start, result) };
    }
    this.state.budget = budgetBefore;
    this.leave();
    return result;
  }

  private disjunction(): Ast.Expression {
    const first = this.conjunction();
    if (!this.isKeyword("or")) return first;
    const values = [first];
    while (this.acceptKeyword("or")) values.push(this.conjunction());
    return {
      kind: "BoolOp",
      op: "Or",
      values,
      ...range(first, values[values.length - 1] as Ast.Expression),
    };
  }

  private conjunction(): Ast.Expression {
    const first = this.inversion();
    if (!this.isKeyword("and")) return first;
    const values = [first];
    while (this.acceptKeyword("and")) values.push(this.inversion());
    return {
      kind: "BoolOp",
      op: "And",
      values,
      ...range(first, values[values.length - 1] as Ast.Expression),
    };
  }

  private inversion(): Ast.Expression {
    const nots: Token[] = [];
    while (this.isKeyword("not")) {
      const token = this.advance();
      nots.push(token);
      this.charge(1, token);
    }
    let result = this.comparison();
    for (let index = nots.length - 1; index >= 0; index--) {
      result = {
        kind: "UnaryOp",
        op: "Not",
        operand: result,
        ...range(nots[index] as Token, result),
      };
    }
    this.state.budget -= nots.length;
    return result;
  }

  private comparisonOperator(): Ast.ComparisonOperator | null {
    const token = this.peek();
    if (token.type === "OP") {
      const operator = COMPARISONS[token.text];
      if (operator !== undefined) {
        this.index++;
        return operator;
      }
      return null;
    }
    if (token.type !== "NAME") return null;
    if (token.text === "in") {
      this.index++;
      return "In";
    }
    if (token.text === "not" && this.isKeyword("in", 1)) {
      this.index += 2;
      return "NotIn";
    }
    if (token.text === "is") {
      this.index++;
      return this.acceptKeyword("not") ? "IsNot" : "Is";
    }
    return null;
  }

  private comparison(): Ast.Expression {
    const left = this.bitwiseOr();
    const ops: Ast.ComparisonOperator[] = [];
    const comparators: Ast.Expression[] = [];
    for (;;) {
      const operator = this.comparisonOperator();
      if (operator === null) break;
      ops.push(operator);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return {
      kind: "Compare",
      left,
      ops,
      comparators,
      ...range(left, comparators[comparators.length - 1] as Ast.Expression),
    };
  }

  bitwiseOr(): Ast.Expression {
    return this.binary(0);
  }

  /** Left-associative binary operators by precedence level (CPython: bitwise_or … term). */
  private binary(level: number): Ast.Expression {
    if (level >= BINARY_LEVELS.length) return this.factor();
    const operators = BINARY_LEVELS[level] as Record<string, Ast.BinaryOperator>;
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.type !== "OP") break;
      const operator = operators[token.text];
      if (operator === undefined) break;
      this.index++;
      const right = this.binary(level + 1);
      left = { kind: "BinOp", left, op: operator, right, ...range(left, right) };
    }
    return left;
  }

  /** Collect prefix `+ - ~` operators iteratively (CPython: factor). */
  private unaryPrefixes(): Token[] {
    const prefixes: Token[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type !== "OP" || (token.text !== "-" && token.text !== "+" && token.text !== "~"))
        break;
      this.index++;
      prefixes.push(token);
      this.charge(1, token);
    }
    return prefixes;
  }

  private applyPrefixes(prefixes: Token[], operand: Ast.Expression): Ast.Expression {
    let result = operand;
    for (let index = prefixes.length - 1; index >= 0; index--) {
      const token = prefixes[index] as Token;
      const op: Ast.UnaryOperator =
        token.text === "-" ? "USub" : token.text === "+" ? "UAdd" : "Invert";
      result = { kind: "UnaryOp", op, operand: result, ...range(token, result) };
    }
    this.state.budget -= prefixes.length;
    return result;
  }

  private factor(): Ast.Expression {
    const prefixes = this.unaryPrefixes();
    return this.applyPrefixes(prefixes, this.power());
  }

  /** power: primary ('**' factor)?, right-associative, folded iteratively. */
  private power(): Ast.Expression {
    const first = this.primary();
    if (!this.isOp("**")) return first;
    const operands: { prefixes: Token[]; base: Ast.Expression }[] = [{ prefixes: [], base: first }];
    while (this.isOp("**")) {
      const token = this.advance();
      this.charge(2, token);
      const prefixes = this.unaryPrefixes();
      operands.push({ prefixes, base: this.primary() });
    }
    const last = operands[operands.length - 1] as { prefixes: Token[]; base: Ast.Expression };
    let result = this.applyPrefixes(last.prefixes, last.base);
    for (let index = operands.length - 2; index >= 0; index--) {
      const operand = operands[index] as { prefixes: Token[]; base: Ast.Expression };
      const power: Ast.Expression = {
        kind: "BinOp",
        left: operand.base,
        op: "Pow",
        right: result,
        ...range(operand.base, result),
      };
      result = this.applyPrefixes(operand.prefixes, power);
    }
    this.state.budget -= 2 * (operands.length - 1);
    return result;
  }

  private primary(): Ast.Expression {
    if (this.isKeyword("await")) this.fail(UNSUPPORTED_KEYWORDS.await as string, this.peek());
    let result = this.atom();
    for (;;) {
      if (this.acceptOp(".")) {
        const name = this.expectName();
        result = {
          kind: "Attribute",
          value: result,
          attr: name.text,
          ctx: "Load",
          ...range(result, name),
        };
      } else if (this.isOp("(")) {
        result = this.call(result);
      } else if (this.isOp("[")) {
        this.openBracket();
        this.index++;
        const slice = this.slices();
        const close = this.expectOp("]");
        this.closeBracket();
        result = { kind: "Subscript", value: result, slice, ctx: "Load", ...range(result, close) };
      } else return result;
    }
  }

  private openBracket(): void {
    this.state.bracketDepth++;
    this.enter(this.peek());
  }

  private closeBracket(): void {
    this.state.bracketDepth--;
    this.leave();
  }

  private slices(): Ast.Expression {
    const first = this.slice();
    if (!this.isOp(",")) {
      if (!this.isOp("]")) this.missingComma(first);
      return first;
    }
    const elements = [first];
    while (this.acceptOp(",")) {
      if (this.isOp("]")) break;
      elements.push(this.slice());
    }
    return { kind: "Tuple", elts: elements, ctx: "Load", ...range(first, this.previous) };
  }

  private slice(): Ast.Expression {
    const start = this.peek();
    let lower: Ast.Expression | null = null;
    if (!this.isOp(":")) {
      lower = this.starExpressionOrNamed();
      if (!this.isOp(":")) return lower;
    }
    this.index++;
    const upper = this.isOp(":") || this.isOp("]") || this.isOp(",") ? null : this.expression();
    let step: Ast.Expression | null = null;
    if (this.acceptOp(":")) step = this.isOp("]") || this.isOp(",") ? null : this.expression();
    return { kind: "Slice", lower, upper, step, ...range(start, this.previous) };
  }

  private starExpressionOrNamed(): Ast.Expression {
    return this.isOp("*") ? this.starExpression() : this.namedExpression();
  }

  private call(func: Ast.Expression): Ast.Call {
    const open = this.peek();
    this.openBracket();
    this.index++;
    const args: Ast.Expression[] = [];
    const keywords: Ast.Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    while (!this.isOp(")")) {
      const token = this.peek();
      if (token.type === "OP" && token.text === "**") {
        this.index++;
        const value = this.expression();
        keywords.push({ kind: "keyword", arg: null, value, ...range(token, value) });
        sawDoubleStar = true;
      } else if (token.type === "OP" && token.text === "*") {
        const before = this.previous;
        if (!this.canStartExpression(1)) this.fail("Invalid star expression", this.peek(1));
        const starred = this.starExpression();
        if (sawDoubleStar)
          this.fail(
            "iterable argument unpacking follows keyword argument unpacking",
            range(before, starred),
          );
        args.push(starred);
      } else if (this.isName() && this.isOp("=", 1)) {
        this.index += 2;
        if (this.isOp(")") || this.isOp(",")) {
          this.fail("expected argument value expression", range(token, this.previous));
        }
        const value = this.expression();
        keywords.push({ kind: "keyword", arg: token.text, value, ...range(token, value) });
        sawKeyword = true;
      } else {
        const argument = this.expression();
        if (this.isKeyword("for")) {
          const generator = this.comprehension("GeneratorExp", argument, argument);
          if (args.length + keywords.length > 0 || !this.isOp(")")) {
            this.fail("Generator expression must be parenthesized", generator);
          }
          // A sole generator argument spans the call's parentheses, as in CPython.
          args.push({ ...generator, ...range(open, this.peek()) });
          break;
        }
        if (this.isOp("=")) {
          this.fail(
            'expression cannot contain assignment, perhaps you meant "=="?',
            range(argument, this.peek()),
          );
        }
        // CPython reports these at the token after the argument (invalid_arguments).
        if (sawDoubleStar)
          this.fail("positional argument follows keyword argument unpacking", this.peek());
        if (sawKeyword) this.fail("positional argument follows keyword argument", this.peek());
        args.push(argument);
        if (!this.isOp(",") && !this.isOp(")")) this.missingComma(argument);
      }
      if (!this.acceptOp(",")) break;
    }
    const close = this.expectOp(")");
    this.closeBracket();
    return { kind: "Call", func, args, keywords, ...range(func, close) };
  }

  /**
   * CPython: invalid_expression — two expressions in a row inside brackets is probably a
   * missing comma. Otherwise (or outside brackets) a generic "invalid syntax".
   */
  missingComma(first: Ast.Expression): never {
    const next = this.peek();
    const eligible =
      this.state.bracketDepth > 0 &&
      this.canStartExpression() &&
      !(next.type === "OP" && next.text === "*") &&
      first.kind !== "IfExp" &&
      first.kind !== "Lambda" &&
      first.kind !== "Starred" &&
      !(first.kind === "Name" && (next.type === "STRING" || next.type === "FSTRING"));
    if (eligible) {
      const saved = this.index;
      const savedState = {
        budget: this.state.budget,
        recursion: this.state.recursion,
        bracketDepth: this.state.bracketDepth,
      };
      let second: Ast.Expression | null = null;
      try {
        second = this.expression();
        // CPython looks one token past the second expression; at an unclosed bracket's end of
        // input that lookahead is the tokenizer error, which then wins.
        this.peek();
      } catch (error) {
        if (!(error instanceof PythonSyntaxError) || this.isTokenizerError(error)) throw error;
        this.index = saved;
        Object.assign(this.state, savedState);
      }
      if (second !== null)
        this.fail("invalid syntax. Perhaps you forgot a comma?", range(first, second));
    }
    return this.invalidSyntax();
  }

  private comprehension<K extends "ListComp" | "SetComp" | "GeneratorExp">(
    kind: K,
    element: Ast.Expression,
    start: Located,
  ): Ast.ListComp | Ast.SetComp | Ast.GeneratorExp {
    const generators = this.comprehensionClauses();
    const end = this.previous;
    return { kind, elt: element, generators, ...range(start, end) } as
      | Ast.ListComp
      | Ast.SetComp
      | Ast.GeneratorExp;
  }

  private comprehensionClauses(): Ast.Comprehension[] {
    const generators: Ast.Comprehension[] = [];
    while (this.acceptKeyword("for")) {
      const target = this.targetList();
      if (!this.acceptKeyword("in")) {
        this.validateTarget(target, "assign");
        this.invalidSyntax();
      }
      this.validateTarget(target, "assign");
      setContext(target, "Store");
      const iterable = this.disjunction();
      const ifs: Ast.Expression[] = [];
      while (this.acceptKeyword("if")) ifs.push(this.disjunction());
      generators.push({ kind: "comprehension", target, iter: iterable, ifs });
    }
    return generators;
  }

  private atom(): Ast.Expression {
    const token = this.peek();
    switch (token.type) {
      case "NAME": {
        if (token.text === "True" || token.text === "False") {
          this.index++;
          return {
            kind: "Constant",
            constantType: "bool",
            value: token.text === "True",
            ...range(token, token),
          };
        }
        if (token.text === "None") {
          this.index++;
          return { kind: "Constant", constantType: "None", value: null, ...range(token, token) };
        }
        if (KEYWORDS.has(token.text)) {
          const message = UNSUPPORTED_KEYWORDS[token.text];
          if (message !== undefined) this.fail(message, token);
          this.invalidSyntax();
        }
        this.index++;
        return { kind: "Name", id: token.text, ctx: "Load", ...range(token, token) };
      }
      case "NUMBER": {
        this.index++;
        const literal = parseNumberLiteral(token.text);
        if (literal.type === "int" && !Number.isSafeInteger(literal.value)) {
          this.fail(
            "integer literal too large: this interpreter supports integers up to 2**53 - 1",
            token,
          );
        }
        return {
          kind: "Constant",
          constantType: literal.type,
          value: literal.value,
          ...range(token, token),
        };
      }
      case "STRING":
      case "FSTRING":
        return this.strings();
      case "OP":
        switch (token.text) {
          case "(":
            return this.parenthesized();
          case "[":
            return this.listDisplay();
          case "{":
            return this.braceDisplay();
          case "...":
            this.fail("'...' (Ellipsis) is not supported by this interpreter", token);
        }
    }
    return this.invalidSyntax();
  }

  private parenthesized(): Ast.Expression {
    const open = this.peek();
    this.openBracket();
    this.index++;
    if (this.isOp(")")) {
      const close = this.advance();
      this.closeBracket();
      return { kind: "Tuple", elts: [], ctx: "Load", ...range(open, close) };
    }
    const first = this.starExpressionOrNamed();
    if (this.isKeyword("for")) {
      const generator = this.comprehension("GeneratorExp", first, open);
      const close = this.expectOp(")");
      this.closeBracket();
      return { ...generator, ...range(open, close) };
    }
    if (!this.isOp(",")) {
      if (!this.isOp(")")) this.missingComma(first);
      const close = this.advance();
      this.closeBracket();
      if (first.kind === "Starred") this.fail("cannot use starred expression here", first);
      PARENTHESIZED_SPANS.set(first, { ...range(open, close) });
      return first;
    }
    const elements = this.sequenceRest(first, ")");
    const close = this.expectOp(")");
    this.closeBracket();
    return { kind: "Tuple", elts: elements, ctx: "Load", ...range(open, close) };
  }

  /** Remaining comma-separated elements after `first`, up to (not including) `closer`. */
  private sequenceRest(first: Ast.Expression, closer: string): Ast.Expression[] {
    const elements = [first];
    while (this.acceptOp(",")) {
      if (this.isOp(closer)) break;
      const element = this.starExpressionOrNamed();
      elements.push(element);
      if (!this.isOp(",") && !this.isOp(closer)) this.missingComma(element);
    }
    if (!this.isOp(closer)) this.missingComma(elements[elements.length - 1] as Ast.Expression);
    return elements;
  }

  private listDisplay(): Ast.Expression {
    const open = this.peek();
    this.openBracket();
    this.index++;
    if (this.isOp("]")) {
      const close = this.advance();
      this.closeBracket();
      return { kind: "List", elts: [], ctx: "Load", ...range(open, close) };
    }
    const first = this.starExpressionOrNamed();
    if (this.isKeyword("for")) {
      const comprehension = this.comprehension("ListComp", first, open);
      const close = this.expectOp("]");
      this.closeBracket();
      return { ...comprehension, ...range(open, close) };
    }
    const elements = this.sequenceRest(first, "]");
    const close = this.expectOp("]");
    this.closeBracket();
    return { kind: "List", elts: elements, ctx: "Load", ...range(open, close) };
  }

  private braceDisplay(): Ast.Expression {
    const open = this.peek();
    this.openBracket();
    this.index++;
    if (this.isOp("}")) {
      const close = this.advance();
      this.closeBracket();
      return { kind: "Dict", keys: [], values: [], ...range(open, close) };
    }
    if (this.isOp("**")) return this.dictRest(open, null, null);
    const first = this.starExpressionOrNamed();
    if (this.acceptOp(":")) {
      const value = this.expression();
      if (this.isKeyword("for")) {
        const generators = this.comprehensionClauses();
        const close = this.expectOp("}");
        this.closeBracket();
        return { kind: "DictComp", key: first, value, generators, ...range(open, close) };
      }
      return this.dictRest(open, first, value);
    }
    if (this.isKeyword("for")) {
      const comprehension = this.comprehension("SetComp", first, open);
      const close = this.expectOp("}");
      this.closeBracket();
      return { ...comprehension, ...range(open, close) };
    }
    const elements = this.sequenceRest(first, "}");
    const close = this.expectOp("}");
    this.closeBracket();
    return { kind: "Set", elts: elements, ...range(open, close) };
  }

  private dictRest(
    open: Token,
    firstKey: Ast.Expression | null,
    firstValue: Ast.Expression | null,
  ): Ast.Dict {
    const keys: (Ast.Expression | null)[] = [];
    const values: Ast.Expression[] = [];
    let needEntry = firstValue === null;
    if (firstValue !== null) {
      keys.push(firstKey);
      values.push(firstValue);
    }
    for (;;) {
      if (!needEntry) {
        if (this.isOp("}")) break;
        if (!this.acceptOp(",")) this.missingComma(values[values.length - 1] as Ast.Expression);
        if (this.isOp("}")) break;
      }
      needEntry = false;
      if (this.acceptOp("**")) {
        keys.push(null);
        values.push(this.bitwiseOr());
        continue;
      }
      const key = this.expression();
      if (!this.isOp(":")) {
        if (this.isOp(",") || this.isOp("}")) {
          // CPython: invalid_double_starred_kvpairs reports end_offset 0 here.
          this.raise(
            "SyntaxError",
            "':' expected after dictionary key",
            key.line,
            key.column + 1,
            key.line,
            0,
          );
        }
        this.missingComma(key);
      }
      this.index++;
      keys.push(key);
      values.push(this.expression());
    }
    const close = this.expectOp("}");
    this.closeBracket();
    return { kind: "Dict", keys, values, ...range(open, close) };
  }

  // ─── strings and f-strings ─────────────────────────────────────────────────────────────────

  /** Adjacent string literals, implicitly concatenated (CPython: _PyPegen_concatenate_strings). */
  private strings(): Ast.Expression {
    const first = this.peek();
    const parts: (Ast.Constant | Ast.FormattedValue)[] = [];
    let formatted = false;
    let last = first;
    let pending = "";
    let pendingStart: Located | null = null;
    // A merged constant spans from its first piece to its last, as in CPython 3.12+.
    let pendingEnd: Located = first;
    let sawBytes = false;
    let sawText = false;
    const flush = (): void => {
      if (pendingStart !== null && pending.length > 0) {
        parts.push({
          kind: "Constant",
          constantType: "str",
          value: pending,
          ...range(pendingStart, pendingEnd),
        });
      }
      pending = "";
      pendingStart = null;
    };
    while (this.peek().type === "STRING" || this.peek().type === "FSTRING") {
      const token = this.advance();
      last = token;
      const prefixLength = stringPrefixLength(token.text);
      const prefix = token.text.slice(0, prefixLength).toLowerCase();
      if (prefix.includes("b")) sawBytes = true;
      else sawText = true;
      if (sawBytes && sawText)
        this.fail("cannot mix bytes and nonbytes literals", range(first, token));
      if (sawBytes) this.fail("bytes literals are not supported by this interpreter", token);
      const quote = token.text[prefixLength] as string;
      const quoteSize =
        token.text.startsWith(quote.repeat(3), prefixLength) &&
        token.text.length - prefixLength >= 6
          ? 3
          : 1;
      const bodyStart = token.start + prefixLength + quoteSize;
      const bodyEnd = token.end - quoteSize;
      const raw = prefix.includes("r");
      if (token.type === "STRING") {
        pendingStart ??= token;
        pendingEnd = token;
        pending += this.decode(bodyStart, bodyEnd, raw, token);
        continue;
      }
      formatted = true;
      // CPython: MAXFSTRINGLEVEL (150) in Parser/lexer/state.h.
      if (this.state.fstringDepth >= MAX_FSTRING_LEVEL - 1) {
        this.raise(
          "SyntaxError",
          "too many nested f-strings",
          token.line,
          token.column + 2,
          token.line,
          token.column + 2,
        );
      }
      this.state.fstringDepth++;
      const fieldParts = this.formattedParts(bodyStart, bodyEnd, raw, token, 0);
      this.state.fstringDepth--;
      for (const part of fieldParts) {
        if (part.kind === "Constant") {
          pendingStart ??= part;
          pendingEnd = part;
          pending += part.value as string;
        } else {
          flush();
          parts.push(part);
        }
      }
    }
    if (!formatted) {
      return { kind: "Constant", constantType: "str", value: pending, ...range(first, last) };
    }
    flush();
    return { kind: "JoinedStr", values: parts, ...range(first, last) };
  }

  private decode(start: number, end: number, raw: boolean, token: Token): string {
    const result = decodeStringBody(this.state.source, start, end, raw);
    if (typeof result === "string") return result;
    return this.fail(`(unicode error) ${result.message}`, token);
  }

  private point(index: number): Located {
    const line = lineOf(this.state.lineStarts, index);
    const column = index - (this.state.lineStarts[line - 1] ?? 0);
    return { line, column, endLine: line, endColumn: column };
  }

  /** Raise at a single source index with CPython's f-string error offsets (offset = index + 1). */
  private failAt(msg: string, index: number, width: number): never {
    const at = this.point(index);
    return this.raise("SyntaxError", msg, at.line, at.column + 1, at.line, at.column + 1 + width);
  }

  /**
   * Split an f-string body into literal text and replacement fields; fields are parsed by a
   * sub-parser over the same source so positions stay exact. `depth` > 0 inside a format spec.
   */
  private formattedParts(
    start: number,
    end: number,
    raw: boolean,
    token: Token,
    depth: number,
  ): (Ast.Constant | Ast.FormattedValue)[] {
    const source = this.state.source;
    const parts: (Ast.Constant | Ast.FormattedValue)[] = [];
    let literalStart = start;
    // Where the current run of literal text began in the source, `{{`/`}}` included.
    let runStart = start;
    let text = "";
    const flushLiteral = (upTo: number): void => {
      if (upTo > literalStart) text += this.decode(literalStart, upTo, raw, token);
      if (text.length > 0) {
        const position = range(this.point(runStart), this.point(upTo));
        parts.push({ kind: "Constant", constantType: "str", value: text, ...position });
      }
      text = "";
    };
    let index = start;
    while (index < end) {
      const character = source[index];
      if (character === "\\" && !raw) {
        index += 2;
        continue;
      }
      if (character === "{" && source[index + 1] === "{" && depth === 0) {
        text += index > literalStart ? this.decode(literalStart, index, raw, token) : "";
        text += "{";
        index += 2;
        literalStart = index;
        continue;
      }
      if (character === "}") {
        if (source[index + 1] === "}" && depth === 0) {
          text += index > literalStart ? this.decode(literalStart, index, raw, token) : "";
          text += "}";
          index += 2;
          literalStart = index;
          continue;
        }
        this.failAt("f-string: single '}' is not allowed", index, 0);
      }
      if (character === "{") {
        flushLiteral(index);
        const field = this.formattedField(index, end, token);
        parts.push(field.value);
        index = field.next;
        literalStart = index;
        runStart = index;
        continue;
      }
      index++;
    }
    flushLiteral(end);
    return parts;
  }

  /** Parse `{expr[!c][:spec]}` starting at the '{' at `open`. */
  private formattedField(
    open: number,
    end: number,
    token: Token,
  ): { value: Ast.FormattedValue; next: number } {
    const source = this.state.source;
    if (this.state.bracketDepth >= 200) this.failAt("too many nested parentheses", open, 0);
    // Find the end of the expression: the first top-level '}', '!' (not '!='), or ':'.
    let depth = 0;
    let index = open + 1;
    let stop = -1;
    while (index < end) {
      const character = source[index] as string;
      if (character === "'" || character === '"') {
        const close = source.indexOf(character, index + 1);
        index = close < 0 || close >= end ? end : close + 1;
        continue;
      }
      if (character === "(" || character === "[" || character === "{") depth++;
      else if ((character === ")" || character === "]" || character === "}") && depth > 0) depth--;
      else if (
        depth === 0 &&
        (character === "}" || character === ":" || (character === "!" && source[index + 1] !== "="))
      ) {
        stop = index;
        break;
      }
      index++;
    }
    if (stop < 0) this.failAt("f-string: expecting '}'", end, 0);
    if (source.slice(open + 1, stop).trim().length === 0) {
      this.failAt(`f-string: valid expression required before '${source[stop]}'`, stop, 1);
    }
    const lambda = /^\s*lambda\b/.exec(source.slice(open + 1, stop));
    if (lambda !== null && source[stop] === ":") {
      // CPython: invalid_replacement_field — the ':' would start a format spec.
      const at = this.point(open + 1 + lambda[0].length - 6);
      const colon = this.point(stop);
      this.raise(
        "SyntaxError",
        "f-string: lambda expressions are not allowed without parentheses",
        at.line,
        at.column + 1,
        colon.line,
        colon.column + 2,
      );
    }
    const value = this.subExpression(open + 1, stop);
    let conversion = -1;
    index = stop;
    if (source[index] === "!") {
      const character = source[index + 1];
      if (character === "}" || character === ":" || index + 1 >= end)
        this.failAt("f-string: missing conversion character", index + 1, 1);
      if (character !== "s" && character !== "r" && character !== "a") {
        this.failAt(
          `f-string: invalid conversion character '${character}': expected 's', 'r', or 'a'`,
          index + 1,
          1,
        );
      }
      conversion = character.charCodeAt(0);
      if (index + 2 >= end) this.failAt("f-string: expecting '}'", index + 1, 0);
      index += 2;
      while (source[index] === " ") index++;
    }
    let formatSpec: Ast.JoinedStr | null = null;
    if (source[index] === ":") {
      const specStart = index + 1;
      let specDepth = 0;
      index = specStart;
      while (index < end) {
        const character = source[index];
        if (character === "{") specDepth++;
        else if (character === "}") {
          if (specDepth === 0) break;
          specDepth--;
        }
        index++;
      }
      if (index >= end) this.failAt("f-string: expecting '}', or format specs", end, 1);
      this.state.bracketDepth++;
      const parts = this.formattedParts(specStart, index, false, token, 1);
      this.state.bracketDepth--;
      // CPython: the spec spans from its ":" to the closing "}" (exclusive).
      const specRange = range(this.point(specStart - 1), this.point(index));
      formatSpec = { kind: "JoinedStr", values: parts, ...specRange };
    }
    if (source[index] !== "}") this.failAt("f-string: expecting '}'", index, 0);
    const closeAt = this.point(index);
    const openAt = this.point(open);
    return {
      value: {
        kind: "FormattedValue",
        value,
        conversion,
        formatSpec,
        ...range(openAt, { ...closeAt, endColumn: closeAt.column + 1 }),
      },
      next: index + 1,
    };
  }

  /** Parse source[start, end) as a star_expressions, with its own tokenizer and parser. */
  private subExpression(start: number, end: number): Ast.Expression {
    const stream = tokenize(this.state.source, this.state.lineStarts, {
      start,
      end,
      insideBrackets: true,
    });
    const parser = new Parser(stream, this.state);
    this.state.bracketDepth++;
    this.enter(this.point(start));
    try {
      let value: Ast.Expression;
      try {
        value = parser.starExpressions();
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
      if (next.type !== "ENDMARKER") {
        if (next.type === "OP" && next.text === "=") {
          parser.fail(
            "f-string: self-documenting expressions ('=') are not supported by this interpreter",
            next,
          );
        }
        parser.fail("f-string: expecting '=', or '!', or ':', or '}'", next);
      }
      return value;
    } catch (error) {
      if (error instanceof PythonSyntaxError && stream.error !== null && error !== stream.error)
        throw stream.error;
      throw error;
    } finally {
      this.state.bracketDepth--;
      this.leave();
    }
  }
}

function isBitwiseOrLevel(expression: Ast.Expression): boolean {
  switch (expression.kind) {
    case "Compare":
    case "BoolOp":
    case "IfExp":
    case "Lambda":
    case "Starred":
      return false;
    case "UnaryOp":
      return expression.op !== "Not";
    default:
      return true;
  }
}

function firstOperandIsNot(expression: Ast.BoolOp): boolean {
  let current: Ast.Expression = expression;
  while (current.kind === "BoolOp") current = current.values[0] as Ast.Expression;
  return current.kind === "UnaryOp" && current.op === "Not";
}

function lineText(state: SharedState, line: number): string {
  const start = state.lineStarts[line - 1];
  if (start === undefined) return "";
  let stop = state.source.indexOf("\n", start);
  if (stop < 0) stop = state.source.length;
  return state.source.slice(start, stop);
}

/**
 * Options for {@link parse}.
 *
 * @example
 * ```ts
 * parse("return 1", { checkScopes: false }); // no "'return' outside function"
 * ```
 */
export interface ParseOptions {
  /**
   * Run the symbol-table and compiler checks CPython's `compile()` performs after parsing
   * (`'return' outside function`, `nonlocal` at module level, duplicate parameters, …).
   * @defaultValue true
   */
  checkScopes: boolean;
}

/**
 * Parse Python source (the pymem subset) into a {@link Ast.Module}.
 *
 * Use it as the front end of the interpreter, or to validate code: for any input it either returns
 * an AST or throws {@link PythonSyntaxError} with CPython 3.13's message and position; it never
 * throws anything else and never recurses deeper than a fixed bound.
 *
 * @example
 * ```ts
 * const module = parse("a, b = b, a\n");
 * module.body[0]?.kind; // "Assign"
 * ```
 */
export function parse(source: string, options: Partial<ParseOptions> = {}): Ast.Module {
  const normalized = source.replace(/\r\n?/g, "\n");
  const nul = normalized.indexOf("\0");
  if (nul >= 0) {
    // CPython reports this with no location at all; we point at the first NUL.
    const starts = computeLineStarts(normalized);
    const line = lineOf(starts, nul);
    const column = nul - (starts[line - 1] ?? 0);
    throw new PythonSyntaxError({
      kind: "SyntaxError",
      msg: "source code string cannot contain null bytes",
      lineno: line,
      offset: column + 1,
      endLineno: line,
      endOffset: column + 1,
      text: "",
    });
  }
  const lineStarts = computeLineStarts(normalized);
  const state: SharedState = {
    source: normalized,
    lineStarts,
    budget: 0,
    recursion: 0,
    bracketDepth: 0,
    fstringDepth: 0,
  };
  let module: Ast.Module;
  let stream: TokenStream | null = null;
  try {
    stream = tokenize(normalized, lineStarts);
    const parser = new Parser(stream, state);
    module = parser.parseModule();
  } catch (error) {
    if (error instanceof PythonSyntaxError) {
      // CPython: tokenizer errors anywhere in the source win over parser errors
      // (_PyPegen_tokenize_full_source_to_check_for_errors).
      if (stream?.error != null) throw stream.error;
      // CPython: _PyPegen_tokenize_full_source_to_check_for_errors() — an error on a line after
      // an unclosed bracket is reported as the unclosed bracket.
      const open = stream?.openBrackets[stream.openBrackets.length - 1];
      const endsInsideBrackets = stream?.tokens[stream.tokens.length - 1]?.type === "ERRORTOKEN";
      if (
        open !== undefined &&
        endsInsideBrackets &&
        (error.msg.startsWith("invalid syntax. Perhaps") ? error.endLineno : error.lineno) >
          open.line
      ) {
        throw new PythonSyntaxError({
          kind: "SyntaxError",
          msg: `'${open.text}' was never closed`,
          lineno: open.line,
          offset: open.column + 1,
          endLineno: open.line,
          endOffset: 0,
          text: lineText(state, open.line),
        });
      }
      throw error;
    }
    if (error instanceof RangeError) {
      // Defence in depth: the bounds above keep recursion far from the engine's limit.
      throw new PythonSyntaxError({
        kind: "SyntaxError",
        msg: STACK_OVERFLOW_MESSAGE,
        lineno: 1,
        offset: 1,
        endLineno: 1,
        endOffset: 1,
        text: lineText(state, 1),
      });
    }
    throw error;
  }
  if (options.checkScopes ?? true) {
    const problem = checkScopes(module);
    if (problem !== null) {
      const { msg, at } = problem;
      throw new PythonSyntaxError({
        kind: "SyntaxError",
        msg,
        lineno: at.line,
        offset: at.column + 1,
        endLineno: at.endLine,
        endOffset: at.endColumn + 1,
        text: lineText(state, at.line),
      });
    }
  }
  return module;
}
