import { Interpreter } from "@pymem/python";
import type { InterpreterFactory } from "./run-session.js";

/**
 * Creates `@pymem/python`'s `Interpreter` for a session.
 *
 * @example
 * ```ts
 * const recording = runSession(source, DEFAULT_SESSION_SETTINGS, createInterpreter);
 * ```
 */
export const createInterpreter: InterpreterFactory = (options) => new Interpreter(options);
