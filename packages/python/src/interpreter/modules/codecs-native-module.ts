import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `_codecs` module, the part pymem has: `encode` and `decode` through the text codecs
 * the interpreter knows (`str.encode` / `bytes.decode`). Pickles of bytes in protocols 0-2 name
 * `_codecs.encode` (CPython's pickler reduces `b'ab'` to `_codecs.encode('ab', 'latin1')`), so
 * `pickle` writes and reads them through this module.
 *
 * @module
 */

/** The module's Python source, run at import. */
const CODECS_SOURCE = `# pymem's _codecs module, written for pymem in Python.


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj with the codec registered for encoding."""
    return str.encode(obj, encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj with the codec registered for encoding."""
    return bytes(obj).decode(encoding, errors)
`;

/**
 * Builds the `_codecs` module the first time a script (or `pickle`) imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { _codecs: codecsNativeModule } });
 * ```
 */
export const codecsNativeModule = pythonSourceModule("_codecs", CODECS_SOURCE);
