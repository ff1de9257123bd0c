import type { NativeModuleFactory } from "../native.js";
import { nodeClassesSource } from "./ast-node-grammar.js";
import { AST_BASE_SOURCE, AST_HELPERS_SOURCE } from "./ast-python-part.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `ast` module on the pymem heap: the node classes of the whole 3.13 grammar
 * (generated from ast-node-grammar.ts), `parse` (the interpreter's own parser, through
 * `compile(..., PyCF_ONLY_AST)`), `dump`, `literal_eval`, `walk`, `iter_fields`,
 * `iter_child_nodes`, `NodeVisitor`, `NodeTransformer`, `get_docstring`,
 * `fix_missing_locations`, `copy_location`, `increment_lineno` and `get_source_segment`
 * (ast-python-part.ts); `compile()` accepts the trees back.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { ...nativeModules, ast: astModule } });
 * interpreter.run("import ast\nprint(ast.dump(ast.parse('x + 1')))");
 * ```
 */
export const astModule: NativeModuleFactory = (context) => {
  // Generated at the first import, not when the library loads: every start-up paid for it.
  astFactory ??= pythonSourceModule(
    "ast",
    AST_BASE_SOURCE + nodeClassesSource() + AST_HELPERS_SOURCE,
  );
  return astFactory(context);
};

/** The `ast` module's factory, once its source has been generated. */
let astFactory: NativeModuleFactory | undefined;
