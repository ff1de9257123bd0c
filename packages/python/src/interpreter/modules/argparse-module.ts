import { ARGPARSE_ACTIONS_SOURCE } from "./argparse-actions.js";
import { ARGPARSE_FORMATTER_SOURCE } from "./argparse-formatter.js";
import { ARGPARSE_PARSER_SOURCE } from "./argparse-parser.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `argparse`, written in Python that pymem runs at import (pymem's own source, not
 * CPython's Lib/argparse.py), in three parts run as one module body: the actions and
 * `Namespace` ({@link ARGPARSE_ACTIONS_SOURCE}), the help formatters
 * ({@link ARGPARSE_FORMATTER_SOURCE}) and the parser with its groups and subparsers
 * ({@link ARGPARSE_PARSER_SOURCE}). Usage and help text wrap where CPython 3.13 wraps them
 * (width from `COLUMNS`, else 80), and errors print `usage: …` then `prog: error: …` on stderr
 * and exit with status 2.
 *
 * @example
 * ```ts
 * interpreter.run("import argparse\np = argparse.ArgumentParser(prog='p')\np.add_argument('n', type=int)\nprint(p.parse_args(['3']))"); // Namespace(n=3)
 * ```
 */
export const argparseModule = pythonSourceModule(
  "argparse",
  `${ARGPARSE_ACTIONS_SOURCE}\n${ARGPARSE_FORMATTER_SOURCE}\n${ARGPARSE_PARSER_SOURCE}`,
);
