import type { Ptr } from "@pymem/core";
import { call } from "../calls.js";
import type { Machine } from "../machine.js";
import { getAttribute } from "../object-access.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `_sitebuiltins`, written in Python that pymem runs at import (pymem's own source):
 * the `Quitter` class whose instances the `site` module puts in builtins as `exit` and `quit`
 * (`repr(exit)` is "Use exit() or Ctrl-D (i.e. EOF) to exit"; calling one closes `sys.stdin`
 * and raises SystemExit).
 *
 * @module
 */

/** The module's Python source, run at import. */
const SITEBUILTINS_SOURCE = `# pymem's _sitebuiltins, written for pymem in Python.
class Quitter(object):
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return 'Use %s() or %s to exit' % (self.name, self.eof)

    def __call__(self, code=None):
        # As CPython's: a shell waiting on stdin sees it closed. (sys is imported here, not
        # when the interpreter starts.)
        import sys
        try:
            sys.stdin.close()
        except:
            pass
        raise SystemExit(code)
`;

/**
 * `import _sitebuiltins`.
 *
 * @example
 * ```ts
 * interpreter.run("import _sitebuiltins\nprint(_sitebuiltins.Quitter('q', 'EOF'))");
 * ```
 */
export const sitebuiltinsModule = pythonSourceModule("_sitebuiltins", SITEBUILTINS_SOURCE);

/** The end-of-file key `site.setquit` names on POSIX systems. */
const EOF_KEY = "Ctrl-D (i.e. EOF)";

/**
 * Puts `exit` and `quit` in the builtins dict as `_sitebuiltins.Quitter` objects, as CPython's
 * `site.setquit()` does at startup. `sitebuiltins` is the imported module (borrowed).
 *
 * @example
 * ```ts
 * installQuitters(machine, sitebuiltins);
 * ```
 * @internal
 */
export function installQuitters(m: Machine, sitebuiltins: Ptr): void {
  const quitter = getAttribute(m, sitebuiltins, m.name("Quitter"), "Quitter");
  try {
    for (const name of ["quit", "exit"]) {
      const args = m.newStrList([name, EOF_KEY]);
      try {
        const instance = call(
          m,
          quitter,
          [m.heap.listGetItem(args, 0), m.heap.listGetItem(args, 1)],
          undefined,
        );
        try {
          m.heap.dictSetItem(m.builtins, m.name(name), instance);
        } finally {
          m.decref(instance);
        }
      } finally {
        m.decref(args);
      }
    }
  } finally {
    m.decref(quitter);
  }
}
