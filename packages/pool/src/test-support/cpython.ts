import { execFileSync } from "node:child_process";

/** The environment that selects CPython 3.13.0 under pyenv. @internal */
export const CPYTHON_313_ENV = { ...process.env, PYENV_VERSION: "3.13.0" };

/**
 * `"python3"` when CPython 3.13 is installed and can run `probe` (e.g. an import the test needs),
 * otherwise undefined, so a test comparing against CPython can skip with a visible reason.
 * @internal
 */
export function findCPython313(probe: string): string | undefined {
  try {
    execFileSync("python3", ["-c", probe], { env: CPYTHON_313_ENV, stdio: "ignore" });
    return "python3";
  } catch {
    return undefined;
  }
}
