import type * as Ast from "./ast.js";
import { parseStrings } from "./fstring-parser.js";
import { parseNumberLiteral } from "./literals.js";
import { isParenthesized, markParenthesized, range } from "./node-range.js";
import { parseCaseBlocks } from "./pattern-parser.js";
import { COMPILATION_DEPTH_MESSAGE, checkScopes } from "./scope-check.js";
import { compileLimitError, PythonSyntaxError, type SyntaxErrorKind } from "./syntax-error.js";
import { isLiteralWarnings, type SyntaxWarningNote } from "./syntax-warnings.js";
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

/**
 * State shared by a parser and the sub-parsers of its f-string fields.
 *
 * @internal
 */
export interface SharedState {
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
  /** The first invalid escape of each literal, by the literal text's source offset. */
  readonly escapeWarnings: Map<number, SyntaxWarningNote>;
}

/** Anything with a source range: a node or a token. @internal */
export type Located = Ast.SourceRange;

/** A parser position to return to when a soft keyword turns out to be a name. */
interface Checkpoint {
  index: number;
  budget: number;
  recursion: number;
  bracketDepth: number;
}

/** Parameter rules that differ between `def` and `lambda`. */
interface ParameterSyntax {
  closer: ")" | ":";
  annotations: boolean;
}

const DEF_PARAMETERS: ParameterSyntax = { closer: ")", annotations: true };
const LAMBDA_PARAMETERS: ParameterSyntax = { closer: ":", annotations: false };

/**
 * Recursive-descent parser over a token stream, following CPython 3.13's PEG grammar
 * (Grammar/python.gram), with its `invalid_*` error rules folded in where they matter. String
 * literals and f-strings are parsed by fstring-parser.ts, `match` patterns by pattern-parser.ts.
 *
 * @internal
 */
export class Parser {
  index = 0;
  /** Furthest token index looked at: CPython reports generic errors there. */
  private furthest = 0;
  private readonly tokens: Token[];

  constructor(
    private readonly stream: TokenStream,
    readonly state: SharedState,
  ) {
    this.tokens = stream.tokens;
  }

  // ─── token access ──────────────────────────────────────────────────────────────────────────

  peek(offset = 0): Token {
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

  advance(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  get previous(): Token {
    return this.tokens[this.index - 1] as Token;
  }

  isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "OP" && token.text === text;
  }

  isKeyword(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "NAME" && token.text === text;
  }

  acceptOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.index++;
    return true;
  }

  acceptKeyword(text: string): boolean {
    if (!this.isKeyword(text)) return false;
    this.index++;
    return true;
  }

  expectOp(text: string): Token {
    if (!this.isOp(text)) this.invalidSyntax();
    return this.advance();
  }

  /** A forced token (`&&':'` in the grammar): "expected ':'" at whatever token is there. */
  expectForced(text: string): Token {
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

  expectName(): Token {
    const token = this.peek();
    if (token.type !== "NAME" || KEYWORDS.has(token.text)) this.invalidSyntax();
    return this.advance();
  }

  isName(offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === "NAME" && !KEYWORDS.has(token.text);
  }

  /**
   * The last token consumed that is not NEWLINE, INDENT or DEDENT: where a compound statement
   * ends (CPython: _PyPegen_get_last_nonnwhitespace_token), a trailing `;` included.
   */
  private lastSignificant(): Token {
    let position = this.index - 1;
    for (;;) {
      const token = this.tokens[position] as Token;
      if (
        position === 0 ||
        (token.type !== "NEWLINE" && token.type !== "INDENT" && token.type !== "DEDENT")
      )
        return token;
      position--;
    }
  }

  private checkpoint(): Checkpoint {
    const { budget, recursion, bracketDepth } = this.state;
    return { index: this.index, budget, recursion, bracketDepth };
  }

  private restore(checkpoint: Checkpoint): void {
    this.index = checkpoint.index;
    this.state.budget = checkpoint.budget;
    this.state.recursion = checkpoint.recursion;
    this.state.bracketDepth = checkpoint.bracketDepth;
  }

  /**
   * Run `attempt`; if it raises a (non-tokenizer) syntax error, rewind and return null. For the
   * grammar's ordered choices that need more than one token of lookahead (soft keywords,
   * parenthesized `with` items). The furthest token read stays where the attempt got to, as in
   * CPython's PEG parser, whose generic errors point at the last token it fetched.
   */
  private tryParse<T>(attempt: () => T): T | null {
    const checkpoint = this.checkpoint();
    try {
      return attempt();
    } catch (error) {
      if (!(error instanceof PythonSyntaxError) || this.isTokenizerError(error)) throw error;
      this.restore(checkpoint);
      return null;
    }
  }

  // ─── errors ────────────────────────────────────────────────────────────────────────────────

  raise(
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

  enter(at: Located): void {
    this.state.recursion++;
    if (this.state.recursion > MAX_RECURSION) this.fail(STACK_OVERFLOW_MESSAGE, at);
  }

  leave(): void {
    this.state.recursion--;
  }

  private charge(cost: number, at: Located): void {
    this.state.budget += cost;
    if (this.state.budget > NESTING_BUDGET) this.fail(STACK_OVERFLOW_MESSAGE, at);
  }

  /** The 1-based line and 0-based column of a source index, as an empty range. */
  point(index: number): Located {
    const line = lineOf(this.state.lineStarts, index);
    const column = index - (this.state.lineStarts[line - 1] ?? 0);
    return { line, column, endLine: line, endColumn: column };
  }

  /** A parser over another token stream of the same source (an f-string field). */
  subParser(stream: TokenStream): Parser {
    return new Parser(stream, this.state);
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
  statement(into: Ast.Statement[]): void {
    const compound = this.compoundStatement();
    if (compound !== null) {
      into.push(compound);
      return;
    }
    this.simpleStatements(into);
  }

  /** simple_stmts: `;`-separated simple statements ending the line. */
  private simpleStatements(into: Ast.Statement[]): void {
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

  private compoundStatement(): Ast.Statement | null {
    const token = this.peek();
    if (token.type === "INDENT") this.invalidSyntax();
    if (token.type === "OP" && token.text === "@") return this.decorated();
    if (token.type !== "NAME") return null;
    switch (token.text) {
      case "if":
        return this.ifStatement("if");
      case "while":
        return this.whileStatement();
      case "for":
        return this.forStatement(null);
      case "def":
        return this.functionDefinition([], null);
      case "class":
        return this.classDefinition([]);
      case "try":
        return this.tryStatement();
      case "with":
        return this.withStatement(null);
      case "async":
        return this.asyncStatement([]);
      case "match":
        return this.matchStatement();
      default:
        return null;
    }
  }

  /** `async def` / `async for` / `async with`. */
  private asyncStatement(decorators: Ast.Expression[]): Ast.Statement {
    const asyncToken = this.advance();
    if (this.isKeyword("def")) return this.functionDefinition(decorators, asyncToken);
    if (decorators.length === 0) {
      if (this.isKeyword("for")) return this.forStatement(asyncToken);
      if (this.isKeyword("with")) return this.withStatement(asyncToken);
    }
    return this.invalidSyntax();
  }

  /** decorators: ('@' named_expression NEWLINE)+ before a def or class. */
  private decorated(): Ast.Statement {
    const decorators: Ast.Expression[] = [];
    while (this.acceptOp("@")) {
      decorators.push(this.namedExpression());
      if (this.peek().type !== "NEWLINE") this.invalidSyntax();
      this.index++;
    }
    if (this.isKeyword("def")) return this.functionDefinition(decorators, null);
    if (this.isKeyword("class")) return this.classDefinition(decorators);
    if (this.isKeyword("async")) return this.asyncStatement(decorators);
    return this.invalidSyntax();
  }

  /**
   * A block after ':' — an indented suite or simple statements on the same line.
   * `what` names the header for "expected an indented block after ...".
   */
  block(what: string): Ast.Statement[] {
    const body: Ast.Statement[] = [];
    if (this.peek().type !== "NEWLINE") {
      this.simpleStatements(body);
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
    return { kind: "If", test, body, orelse, ...range(start, this.lastSignificant()) };
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
    return { kind: "While", test, body, orelse, ...range(start, this.lastSignificant()) };
  }

  private forStatement(asyncToken: Token | null): Ast.For | Ast.AsyncFor {
    const keyword = this.advance();
    const start = asyncToken ?? keyword;
    const target = this.starTargets();
    if (!this.acceptKeyword("in")) {
      this.validateTarget(target, "assign");
      this.invalidSyntax();
    }
    this.validateTarget(target, "assign");
    setContext(target, "Store");
    const iterable = this.starExpressions();
    this.expectColon(false);
    const what = asyncToken === null ? "'for'" : "'async for'";
    const body = this.block(`${what} statement on line ${start.line}`);
    const orelse = this.isKeyword("else") ? this.elseBlock() : [];
    return {
      kind: asyncToken === null ? "For" : "AsyncFor",
      target,
      iter: iterable,
      body,
      orelse,
      ...range(start, this.lastSignificant()),
    };
  }

  /** star_targets for `for` and comprehensions: `*`-able bitwise-or items separated by commas. */
  private starTargets(): Ast.Expression {
    const first = this.starTarget();
    if (!this.isOp(",")) return first;
    const elements = [first];
    while (this.acceptOp(",")) {
      if (!this.canStartExpression()) break;
      elements.push(this.starTarget());
    }
    return { kind: "Tuple", elts: elements, ctx: "Load", ...range(first, this.previous) };
  }

  private starTarget(): Ast.Expression {
    if (!this.isOp("*")) return this.bitwiseOr();
    const star = this.advance();
    const value = this.bitwiseOr();
    return { kind: "Starred", value, ctx: "Load", ...range(star, value) };
  }

  /** with_stmt, including the parenthesized multi-item form (3.9+). */
  private withStatement(asyncToken: Token | null): Ast.With | Ast.AsyncWith {
    const keyword = this.advance();
    const start = asyncToken ?? keyword;
    let items: Ast.WithItem[] | null = null;
    if (this.isOp("(")) {
      items = this.tryParse(() => {
        this.openBracket();
        this.index++;
        const parenthesized = [this.withItem()];
        while (this.acceptOp(",")) {
          if (this.isOp(")")) break;
          parenthesized.push(this.withItem());
        }
        this.expectOp(")");
        this.closeBracket();
        if (!this.isOp(":")) this.invalidSyntax();
        return parenthesized;
      });
    }
    if (items === null) {
      items = [this.withItem()];
      while (this.acceptOp(",")) items.push(this.withItem());
    }
    this.expectColon(false);
    const what = asyncToken === null ? "'with'" : "'async with'";
    const body = this.block(`${what} statement on line ${start.line}`);
    return {
      kind: asyncToken === null ? "With" : "AsyncWith",
      items,
      body,
      ...range(start, this.lastSignificant()),
    };
  }

  private withItem(): Ast.WithItem {
    const contextExpr = this.expression();
    let optionalVars: Ast.Expression | null = null;
    if (this.acceptKeyword("as")) {
      optionalVars = this.starTarget();
      if (!this.isOp(",") && !this.isOp(")") && !this.isOp(":")) this.invalidSyntax();
      this.validateTarget(optionalVars, "assign");
      setContext(optionalVars, "Store");
    }
    return { kind: "withitem", contextExpr, optionalVars };
  }

  /** match_stmt; null when `match` is an ordinary name here (a soft keyword). */
  private matchStatement(): Ast.Match | null {
    const start = this.peek();
    const header = this.tryParse(() => {
      this.index++;
      const subject = this.subjectExpression();
      this.expectOp(":");
      if (this.peek().type !== "NEWLINE") this.invalidSyntax();
      return subject;
    });
    if (header === null) return null;
    this.index++;
    const indent = this.peek();
    if (indent.type !== "INDENT") {
      this.fail(
        `expected an indented block after 'match' statement on line ${start.line}`,
        indent,
        "IndentationError",
      );
    }
    this.index++;
    this.enter(indent);
    const cases = parseCaseBlocks(this);
    this.leave();
    if (this.peek().type === "DEDENT") this.index++;
    else this.invalidSyntax();
    return { kind: "Match", subject: header, cases, ...range(start, this.lastSignificant()) };
  }

  /** subject_expr: a tuple of star_named_expressions, or one named_expression. */
  private subjectExpression(): Ast.Expression {
    const first = this.starNamedExpression();
    if (!this.isOp(",")) {
      if (first.kind === "Starred") this.invalidSyntax();
      return first;
    }
    const elements = [first];
    while (this.acceptOp(",")) {
      if (!this.canStartExpression()) break;
      elements.push(this.starNamedExpression());
    }
    return { kind: "Tuple", elts: elements, ctx: "Load", ...range(first, this.previous) };
  }

  private functionDefinition(
    decorators: Ast.Expression[],
    asyncToken: Token | null,
  ): Ast.FunctionDef | Ast.AsyncFunctionDef {
    const keyword = this.advance();
    const start = asyncToken ?? keyword;
    const name = this.expectName();
    const typeParams = this.isOp("[") ? this.typeParameters() : [];
    this.expectForced("(");
    this.openBracket();
    const args = this.parameters(DEF_PARAMETERS);
    this.expectOp(")");
    this.closeBracket();
    const returns = this.acceptOp("->") ? this.expression() : null;
    this.expectForced(":");
    const body = this.block(`function definition on line ${keyword.line}`);
    return {
      kind: asyncToken === null ? "FunctionDef" : "AsyncFunctionDef",
      name: name.text,
      args,
      body,
      decoratorList: decorators,
      returns,
      typeParams,
      ...range(start, this.lastSignificant()),
    };
  }

  /** type_params: `[T, *Ts, **P]` (PEP 695), each with an optional default (PEP 696). */
  private typeParameters(): Ast.TypeParam[] {
    this.openBracket();
    this.index++;
    const params: Ast.TypeParam[] = [];
    do {
      if (this.isOp("]")) break;
      params.push(this.typeParameter());
    } while (this.acceptOp(","));
    this.expectOp("]");
    this.closeBracket();
    if (params.length === 0) {
      const close = this.previous;
      this.raise(
        "SyntaxError",
        "Type parameter list cannot be empty",
        close.line,
        close.column + 1,
        close.line,
        close.column + 1,
      );
    }
    return params;
  }

  private typeParameter(): Ast.TypeParam {
    const start = this.peek();
    if (this.acceptOp("*") || this.acceptOp("**")) {
      const isParamSpec = start.text === "**";
      const name = this.expectName();
      if (this.isOp(":")) {
        const colon = this.peek();
        this.index++;
        const bound = this.expression();
        this.fail(
          isParamSpec
            ? "cannot use bound with ParamSpec"
            : bound.kind === "Tuple"
              ? "cannot use constraints with TypeVarTuple"
              : "cannot use bound with TypeVarTuple",
          range(colon, bound),
        );
      }
      let defaultValue: Ast.Expression | null = null;
      if (this.acceptOp("="))
        defaultValue = isParamSpec ? this.expression() : this.starExpression();
      const end = defaultValue ?? name;
      return isParamSpec
        ? { kind: "ParamSpec", name: name.text, defaultValue, ...range(start, end) }
        : { kind: "TypeVarTuple", name: name.text, defaultValue, ...range(start, end) };
    }
    const name = this.expectName();
    const bound = this.acceptOp(":") ? this.expression() : null;
    const defaultValue = this.acceptOp("=") ? this.expression() : null;
    return {
      kind: "TypeVar",
      name: name.text,
      bound,
      defaultValue,
      ...range(start, defaultValue ?? bound ?? name),
    };
  }

  /**
   * Parameters of `def` (closed by ')') or `lambda` (closed by ':'), with CPython's
   * invalid_parameters messages.
   */
  private parameters(syntax: ParameterSyntax): Ast.Arguments {
    const arguments_: Ast.Arguments = {
      kind: "arguments",
      posonlyargs: [],
      args: [],
      vararg: null,
      kwonlyargs: [],
      kwDefaults: [],
      kwarg: null,
      defaults: [],
    };
    let sawSlash = false;
    let sawStar = false;
    while (!this.isOp(syntax.closer)) {
      const token = this.peek();
      if (arguments_.kwarg !== null)
        this.fail("arguments cannot follow var-keyword argument", token);
      if (this.acceptOp("/")) {
        if (sawSlash) this.fail("/ may appear only once", token);
        if (sawStar) this.fail("/ must be ahead of *", token);
        if (arguments_.args.length === 0) this.fail("at least one argument must precede /", token);
        arguments_.posonlyargs = arguments_.args;
        arguments_.args = [];
        sawSlash = true;
      } else if (this.acceptOp("**")) {
        arguments_.kwarg = this.parameter(syntax, false);
        if (this.isOp("="))
          this.fail("var-keyword argument cannot have default value", this.peek());
      } else if (this.acceptOp("*")) {
        if (sawStar) this.fail("* argument may appear only once", token);
        sawStar = true;
        if (this.isOp(",") || this.isOp(syntax.closer)) {
          const bareEnd =
            this.isOp(syntax.closer) || this.isOp(syntax.closer, 1) || this.isOp("**", 1);
          // CPython: invalid_star_etc points at the '*'; invalid_lambda_star_etc at the last
          // token its lookahead read.
          const at = syntax.annotations ? token : this.peek(this.isOp(syntax.closer) ? 0 : 1);
          if (bareEnd) this.fail("named arguments must follow bare *", at);
        } else {
          arguments_.vararg = this.parameter(syntax, true);
          if (this.isOp("="))
            this.fail("var-positional argument cannot have default value", this.peek());
        }
      } else {
        const parameter = this.parameter(syntax, false);
        const defaultValue = this.acceptOp("=") ? this.expression() : null;
        if (sawStar) {
          arguments_.kwonlyargs.push(parameter);
          arguments_.kwDefaults.push(defaultValue);
        } else {
          arguments_.args.push(parameter);
          if (defaultValue !== null) arguments_.defaults.push(defaultValue);
          else if (arguments_.defaults.length > 0) {
            this.fail("parameter without a default follows parameter with a default", parameter);
          }
        }
      }
      if (!this.acceptOp(",")) break;
    }
    if (!this.isOp(syntax.closer)) this.invalidSyntax();
    return arguments_;
  }

  /** One parameter name with its annotation (`*args` may be annotated `*Ts`). */
  private parameter(syntax: ParameterSyntax, starred: boolean): Ast.Arg {
    const name = this.expectName();
    let annotation: Ast.Expression | null = null;
    if (syntax.annotations && this.acceptOp(":"))
      annotation = starred ? this.starExpression() : this.expression();
    return { kind: "arg", arg: name.text, annotation, ...range(name, annotation ?? name) };
  }

  private classDefinition(decorators: Ast.Expression[]): Ast.ClassDef {
    const start = this.advance();
    const name = this.expectName();
    const typeParams = this.isOp("[") ? this.typeParameters() : [];
    let bases: Ast.Expression[] = [];
    let keywords: Ast.Keyword[] = [];
    if (this.isOp("(")) {
      const call = this.callArguments();
      bases = call.args;
      keywords = call.keywords;
    }
    this.expectColon(false);
    const body = this.block(`class definition on line ${start.line}`);
    return {
      kind: "ClassDef",
      name: name.text,
      bases,
      keywords,
      body,
      decoratorList: decorators,
      typeParams,
      ...range(start, this.lastSignificant()),
    };
  }

  private tryStatement(): Ast.Try | Ast.TryStar {
    const start = this.advance();
    this.expectForced(":");
    const body = this.block(`'try' statement on line ${start.line}`);
    const handlers: Ast.ExceptHandler[] = [];
    let sawStar = false;
    let sawPlain = false;
    while (this.isKeyword("except")) {
      const keyword = this.advance();
      const star = this.acceptOp("*");
      if (star ? sawPlain : sawStar)
        this.fail("cannot have both 'except' and 'except*' on the same 'try'", keyword);
      if (star) sawStar = true;
      else sawPlain = true;
      let type: Ast.Expression | null = null;
      let name: string | null = null;
      if (!this.isOp(":")) {
        if (this.peek().type === "NEWLINE") this.fail("expected ':'", this.peek());
        type = this.expression();
        if (this.isOp(",")) {
          this.fail("multiple exception types must be parenthesized", type);
        }
        if (this.acceptKeyword("as")) name = this.expectName().text;
      } else if (star) this.fail("expected one or more exception types", this.peek());
      this.expectColon(false);
      const what = star ? "'except*'" : "'except'";
      const handlerBody = this.block(`${what} statement on line ${keyword.line}`);
      handlers.push({
        kind: "ExceptHandler",
        type,
        name,
        body: handlerBody,
        ...range(keyword, this.lastSignificant()),
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
    const last = this.lastSignificant();
    return {
      kind: sawStar ? "TryStar" : "Try",
      body,
      handlers,
      orelse,
      finalbody,
      ...range(start, last),
    };
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
        case "type":
          if (this.isName(1) && (this.isOp("=", 2) || this.isOp("[", 2))) return this.typeAlias();
          break;
      }
    }
    return this.expressionStatement();
  }

  /** `type Name[params] = value` (PEP 695; `type` is a soft keyword). */
  private typeAlias(): Ast.TypeAlias {
    const start = this.advance();
    const nameToken = this.expectName();
    const name: Ast.Name = {
      kind: "Name",
      id: nameToken.text,
      ctx: "Store",
      ...range(nameToken, nameToken),
    };
    const typeParams = this.isOp("[") ? this.typeParameters() : [];
    this.expectOp("=");
    const value = this.expression();
    return { kind: "TypeAlias", name, typeParams, value, ...range(start, value) };
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

  /** The right-hand side of an assignment: yield_expr | star_expressions. */
  private assignedValue(): Ast.Expression {
    return this.isKeyword("yield") ? this.yieldExpression() : this.starExpressions();
  }

  private expressionStatement(): Ast.Statement {
    const first = this.assignedValue();
    const operatorToken = this.peek();
    if (operatorToken.type === "OP" && operatorToken.text === "=") {
      const items = [first];
      while (this.acceptOp("=")) items.push(this.assignedValue());
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
      const value = this.assignedValue();
      setContext(first, "Store");
      return {
        kind: "AugAssign",
        target: first,
        op: AUGMENTED[operatorToken.text] as Ast.BinaryOperator,
        value,
        ...range(first, value),
      };
    }
    if (operatorToken.type === "OP" && operatorToken.text === ":" && this.state.bracketDepth === 0)
      return this.annotatedAssignment(first);
    if (operatorToken.type === "OP" && operatorToken.text === ":=" && first.kind !== "Name") {
      // CPython: invalid_named_expression.
      this.fail(`cannot use assignment expressions with ${describeExpression(first)}`, first);
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
    }
    return { kind: "Expr", value: first, ...range(first, first) };
  }

  /** `target: annotation [= value]` (CPython: the annotated_rhs alternatives of assignment). */
  private annotatedAssignment(target: Ast.Expression): Ast.AnnAssign {
    this.index++;
    if (target.kind === "Tuple" || target.kind === "List")
      this.fail(`only single target (not ${target.kind.toLowerCase()}) can be annotated`, target);
    if (target.kind !== "Name" && target.kind !== "Attribute" && target.kind !== "Subscript")
      this.fail("illegal target for annotation", target);
    const annotation = this.expression();
    const value = this.acceptOp("=") ? this.assignedValue() : null;
    setContext(target, "Store");
    return {
      kind: "AnnAssign",
      target,
      annotation,
      value,
      simple: target.kind === "Name" && !isParenthesized(target),
      ...range(target, value ?? annotation),
    };
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
        value.kind !== "Yield" &&
        value.kind !== "YieldFrom" &&
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

  validateTarget(target: Ast.Expression, mode: "assign" | "delete"): void {
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

  starExpression(): Ast.Expression {
    if (this.isOp("*")) {
      const star = this.advance();
      const value = this.bitwiseOr();
      return { kind: "Starred", value, ctx: "Load", ...range(star, value) };
    }
    return this.expression();
  }

  /** star_named_expression: `*bitwise_or` or a named_expression (display elements). */
  starNamedExpression(): Ast.Expression {
    return this.isOp("*") ? this.starExpression() : this.namedExpression();
  }

  /**
   * named_expression: `NAME := expression` (PEP 572) or an expression. `inCallArgument`: an
   * argument, whose `x.y = 1` has invalid_kwarg's message instead.
   */
  namedExpression(inCallArgument = false): Ast.Expression {
    if (this.isName() && this.isOp(":=", 1)) {
      const nameToken = this.advance();
      this.index++;
      const target: Ast.Name = {
        kind: "Name",
        id: nameToken.text,
        ctx: "Store",
        ...range(nameToken, nameToken),
      };
      const value = this.expression();
      return { kind: "NamedExpr", target, value, ...range(nameToken, value) };
    }
    const value = this.expression();
    if (this.isOp(":=")) {
      // CPython: invalid_named_expression.
      this.fail(`cannot use assignment expressions with ${describeExpression(value)}`, value);
    }
    if (this.isOp("=") && !inCallArgument) this.suggestEquality(value);
    return value;
  }

  /**
   * CPython: invalid_named_expression's `NAME '=' bitwise_or` and `bitwise_or '=' bitwise_or`
   * alternatives (neither followed by `=` or `:=`) for `if x = 1:` — "Maybe you meant '=='".
   * Returns (for the generic error) when neither applies; the furthest token read stays where
   * the first pass left it, as CPython's second pass does not move it.
   */
  private suggestEquality(target: Ast.Expression): void {
    if (!isBitwiseOrLevel(target)) return;
    const excluded =
      target.kind === "List" ||
      target.kind === "Tuple" ||
      target.kind === "GeneratorExp" ||
      (target.kind === "Constant" &&
        (target.constantType === "bool" || target.constantType === "None"));
    const checkpoint = this.checkpoint();
    const furthest = this.furthest;
    this.index++;
    const value = this.tryParse(() => this.bitwiseOr());
    const followed = this.isOp("=") || this.isOp(":=");
    this.restore(checkpoint);
    this.furthest = furthest;
    if (value === null || followed) return;
    if (target.kind === "Name" && !isParenthesized(target))
      this.fail(
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        range(target, value),
      );
    if (!excluded)
      this.fail(
        `cannot assign to ${describeExpression(target)} here. Maybe you meant '==' instead of '='?`,
        target,
      );
  }

  /** yield_expr: `yield from expression` or `yield [star_expressions]`. */
  yieldExpression(): Ast.Yield | Ast.YieldFrom {
    const start = this.advance();
    if (this.acceptKeyword("from")) {
      const value = this.expression();
      return { kind: "YieldFrom", value, ...range(start, value) };
    }
    const next = this.peek();
    const ends =
      next.type === "NEWLINE" ||
      next.type === "ENDMARKER" ||
      (next.type === "OP" && [")", "]", "}", "=", ";", ":", "!"].includes(next.text));
    const value = ends ? null : this.starExpressions();
    return { kind: "Yield", value, ...range(start, value ?? start) };
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
      const args = this.parameters(LAMBDA_PARAMETERS);
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

  disjunction(): Ast.Expression {
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

  /** power: await_primary ('**' factor)?, right-associative, folded iteratively. */
  private power(): Ast.Expression {
    const first = this.awaitPrimary();
    if (!this.isOp("**")) return first;
    const operands: { prefixes: Token[]; base: Ast.Expression }[] = [{ prefixes: [], base: first }];
    while (this.isOp("**")) {
      const token = this.advance();
      this.charge(2, token);
      const prefixes = this.unaryPrefixes();
      operands.push({ prefixes, base: this.awaitPrimary() });
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

  /** await_primary: `await primary` or a primary. */
  private awaitPrimary(): Ast.Expression {
    if (!this.isKeyword("await")) return this.primary();
    const start = this.advance();
    const value = this.primary();
    return { kind: "Await", value, ...range(start, value) };
  }

  /** primary: an atom followed by `.name`, calls and subscripts. */
  primary(): Ast.Expression {
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
        const call = this.callArguments();
        const close = this.previous;
        result = {
          kind: "Call",
          func: result,
          args: call.args,
          keywords: call.keywords,
          ...range(result, close),
        };
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

  openBracket(): void {
    this.state.bracketDepth++;
    this.enter(this.peek());
  }

  closeBracket(): void {
    this.state.bracketDepth--;
    this.leave();
  }

  /** slices: one slice, or a tuple of slices and starred expressions (3.11+). */
  private slices(): Ast.Expression {
    const first = this.slice();
    if (!this.isOp(",")) {
      if (!this.isOp("]")) this.missingComma(first);
      if (first.kind !== "Starred") return first;
      return { kind: "Tuple", elts: [first], ctx: "Load", ...range(first, first) };
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
    if (this.isOp("*")) return this.starExpression();
    let lower: Ast.Expression | null = null;
    if (!this.isOp(":")) {
      lower = this.namedExpression();
      if (!this.isOp(":")) return lower;
      if (lower.kind === "NamedExpr") this.invalidSyntax();
    }
    this.index++;
    const upper = this.isOp(":") || this.isOp("]") || this.isOp(",") ? null : this.expression();
    let step: Ast.Expression | null = null;
    if (this.acceptOp(":")) step = this.isOp("]") || this.isOp(",") ? null : this.expression();
    return { kind: "Slice", lower, upper, step, ...range(start, this.previous) };
  }

  /** A call's (or class definition's) parenthesized arguments; the ')' is consumed. */
  private callArguments(): { args: Ast.Expression[]; keywords: Ast.Keyword[] } {
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
        // CPython: starred_expression is '*' expression here, not '*' bitwise_or.
        this.index++;
        const value = this.expression();
        const starred: Ast.Starred = {
          kind: "Starred",
          value,
          ctx: "Load",
          ...range(token, value),
        };
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
        const argument = this.namedExpression(true);
        if (this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", 1))) {
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
    this.expectOp(")");
    this.closeBracket();
    return { args, keywords };
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
      const second = this.tryParse(() => {
        const expression = this.expression();
        // CPython looks one token past the second expression; at an unclosed bracket's end of
        // input that lookahead is the tokenizer error, which then wins.
        this.peek();
        return expression;
      });
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

  /** for_if_clauses: `[async] for targets in disjunction (if disjunction)*`, repeated. */
  private comprehensionClauses(): Ast.Comprehension[] {
    const generators: Ast.Comprehension[] = [];
    for (;;) {
      const isAsync = this.isKeyword("async") && this.isKeyword("for", 1);
      if (isAsync) this.index++;
      if (!this.acceptKeyword("for")) break;
      const target = this.starTargets();
      if (!this.acceptKeyword("in")) {
        this.validateTarget(target, "assign");
        this.invalidSyntax();
      }
      this.validateTarget(target, "assign");
      setContext(target, "Store");
      const iterable = this.disjunction();
      const ifs: Ast.Expression[] = [];
      while (this.acceptKeyword("if")) ifs.push(this.disjunction());
      generators.push({ kind: "comprehension", target, iter: iterable, ifs, isAsync });
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
        if (KEYWORDS.has(token.text)) this.invalidSyntax();
        this.index++;
        return { kind: "Name", id: token.text, ctx: "Load", ...range(token, token) };
      }
      case "NUMBER": {
        this.index++;
        const literal = parseNumberLiteral(token.text);
        return {
          kind: "Constant",
          constantType: literal.type,
          value: literal.value,
          ...range(token, token),
        };
      }
      case "STRING":
      case "FSTRING":
        return parseStrings(this);
      case "OP":
        switch (token.text) {
          case "(":
            return this.parenthesized();
          case "[":
            return this.listDisplay();
          case "{":
            return this.braceDisplay();
          case "...":
            this.index++;
            return {
              kind: "Constant",
              constantType: "Ellipsis",
              value: null,
              ...range(token, token),
            };
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
    if (this.isKeyword("yield")) {
      const value = this.yieldExpression();
      const close = this.expectOp(")");
      this.closeBracket();
      markParenthesized(value, range(open, close));
      return value;
    }
    const first = this.starNamedExpression();
    if (this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", 1))) {
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
      markParenthesized(first, range(open, close));
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
      const element = this.starNamedExpression();
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
    const first = this.starNamedExpression();
    if (this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", 1))) {
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
    const first = this.starNamedExpression();
    if (this.acceptOp(":")) {
      const value = this.expression();
      if (this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", 1))) {
        const generators = this.comprehensionClauses();
        const close = this.expectOp("}");
        this.closeBracket();
        return { kind: "DictComp", key: first, value, generators, ...range(open, close) };
      }
      return this.dictRest(open, first, value);
    }
    if (this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", 1))) {
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
  /**
   * Receives CPython's compile-time `SyntaxWarning`s (invalid escape sequences, then `is` with
   * a literal), in the order CPython reports them, once parsing succeeded.
   * @defaultValue undefined (warnings are dropped)
   */
  syntaxWarnings: SyntaxWarningNote[] | undefined;
}

/**
 * Parse Python 3.13 source into a {@link Ast.Module}.
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
    escapeWarnings: new Map(),
  };
  let module: Ast.Module;
  let stream: TokenStream | null = null;
  try {
    stream = tokenize(normalized, lineStarts);
    const parser = new Parser(stream, state);
    module = parser.parseModule();
  } catch (error) {
    // CPython: the parser's MemoryError is raised as is, before any tokenizer error check.
    if (error instanceof PythonSyntaxError && error.msg === STACK_OVERFLOW_MESSAGE)
      throw compileLimitError("MemoryError", STACK_OVERFLOW_MESSAGE);
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
      throw compileLimitError("MemoryError", STACK_OVERFLOW_MESSAGE);
    }
    throw error;
  }
  const warnings = options.syntaxWarnings;
  if (warnings !== undefined) {
    const escapes = [...state.escapeWarnings.entries()].sort(([a], [b]) => a - b);
    warnings.push(...escapes.map(([, note]) => note), ...isLiteralWarnings(module));
  }
  if (options.checkScopes ?? true) {
    const problem = checkScopes(module);
    if (problem !== null) {
      const { msg, at } = problem;
      if (msg === COMPILATION_DEPTH_MESSAGE) throw compileLimitError("RecursionError", msg);
      throw new PythonSyntaxError({
        kind: "SyntaxError",
        msg,
        lineno: at.line,
        offset: at.column + 1,
        endLineno: at.endLine,
        endOffset: at.endColumn + 1,
        text: lineText(state, at.line),
        stage: "compiler",
      });
    }
  }
  return module;
}
