import type { NativeContext, NativeFunction, NativeModuleFactory } from "../native.js";
import { expectPositional } from "./arguments.js";
import { bufferOf } from "./buffer-argument.js";
import { type DigestAlgorithm, DigestState } from "./digest-engine.js";
import { MD5 } from "./digest-md5.js";
import { SHA1 } from "./digest-sha1.js";
import { SHA224, SHA256 } from "./digest-sha256.js";
import { pythonSourceModuleWithNatives } from "./python-source-module.js";
import { SHA384, SHA512 } from "./sha512.js";

/**
 * Python's `hashlib`: `md5`, `sha1`, `sha224`, `sha256`, `sha384`, `sha512` and `new`, hash
 * objects with `update`/`digest`/`hexdigest`/`copy`/`name`/`digest_size`/`block_size`. The
 * digests are pymem's own TypeScript (digest-engine.ts and the algorithm files); a hash object
 * is a Python-written `_hashlib.HASH` whose running state is a `bytes` on the pymem heap
 * (the engine's encoding), replaced on every `update`.
 *
 * @module
 */

/** The algorithms by hashlib name. */
const ALGORITHMS: ReadonlyMap<string, DigestAlgorithm> = new Map(
  [MD5, SHA1, SHA224, SHA256, SHA384, SHA512].map((algorithm) => [algorithm.name, algorithm]),
);

/** The algorithm named by a str argument (the Python part checked the name). */
function algorithmArgument(context: NativeContext, name: number): DigestAlgorithm {
  const algorithm = ALGORITHMS.get(context.heap.strValue(name));
  return algorithm ?? context.raise("ValueError", "unsupported hash type");
}

/**
 * The data argument of a constructor or `update`. CPython: `GET_BUFFER_VIEW_OR_ERROUT` — a str
 * is refused with its own message.
 */
function dataArgument(context: NativeContext, obj: number): Uint8Array {
  const data = bufferOf(context, obj);
  if (data !== undefined) return data;
  if (context.typeName(obj) === "str")
    context.raise("TypeError", "Strings must be encoded before hashing");
  return context.raise("TypeError", "object supporting the buffer API required");
}

/** `_start(name)`: the encoded initial state. */
const start: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_start", "_start", args, keywords, 1, 1);
  return context.newBytes(new DigestState(algorithmArgument(context, args[0]!)).encode());
};

/** `_update(name, state, data)`: the state after hashing `data`. CPython: `EVP_update()`. */
const update: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_update", "_update", args, keywords, 3, 3);
  const algorithm = algorithmArgument(context, args[0]!);
  const data = dataArgument(context, args[2]!);
  const state = DigestState.decode(algorithm, context.bufferData(args[1]!) ?? new Uint8Array());
  state.update(data);
  return context.newBytes(state.encode());
};

/** `_digest(name, state)`: the digest of the state. CPython: `EVP_digest_impl()`. */
const digest: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_digest", "_digest", args, keywords, 2, 2);
  const algorithm = algorithmArgument(context, args[0]!);
  const state = DigestState.decode(algorithm, context.bufferData(args[1]!) ?? new Uint8Array());
  return context.newBytes(state.digest());
};

/** `_sizes(name)`: `(digest_size, block_size)`. */
const sizes: NativeFunction = (context, args, keywords) => {
  expectPositional(context, "_sizes", "_sizes", args, keywords, 1, 1);
  const algorithm = algorithmArgument(context, args[0]!);
  const heap = context.heap;
  const digestSize = heap.newInt(algorithm.digestSize);
  const blockSize = heap.newInt(algorithm.blockSize);
  try {
    return heap.newTuple([digestSize, blockSize]);
  } finally {
    context.release(digestSize);
    context.release(blockSize);
  }
};

const HASHLIB_SOURCE = `
algorithms_guaranteed = frozenset(${JSON.stringify([...ALGORITHMS.keys()])})
algorithms_available = algorithms_guaranteed
__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'new',
           'algorithms_guaranteed', 'algorithms_available')


class HASH:
    """A hash object (CPython: _hashlib.HASH)."""
    __slots__ = ('_name', '_state')
    __module__ = '_hashlib'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_hashlib.HASH' instances")

    @property
    def name(self):
        return self._name

    @property
    def digest_size(self):
        return _sizes(self._name)[0]

    @property
    def block_size(self):
        return _sizes(self._name)[1]

    def update(self, obj, /):
        self._state = _update(self._name, self._state, obj)

    def digest(self, /, *args):
        _no_arguments('digest', args)
        return _digest(self._name, self._state)

    def hexdigest(self, /, *args):
        _no_arguments('hexdigest', args)
        return _digest(self._name, self._state).hex()

    def copy(self, /, *args):
        _no_arguments('copy', args)
        return _make(self._name, self._state)

    def __repr__(self):
        return f'<{self._name} _hashlib.HASH object @ {hex(id(self))}>'


def _no_arguments(method, args):
    if args:
        raise TypeError(f'HASH.{method}() takes no arguments ({len(args)} given)')


def _make(name, state):
    h = object.__new__(HASH)
    h._name = name
    h._state = state
    return h


_NOTHING = object()


def _construct(function, name, args, kwargs):
    # CPython's argument clinic for openssl_<name>(string=b'', *, usedforsecurity=True), whose
    # first parameter takes no 'data' keyword, or new(name, data=b'', **kwargs) (function None).
    if len(args) > 1:
        if function is None:
            raise TypeError(f'__hash_new() takes from 1 to 2 positional arguments but {len(args) + 1} were given')
        raise TypeError(f'{function}() takes at most 1 positional argument ({len(args)} given)')
    data = args[0] if args else _NOTHING
    string = _NOTHING
    for key, value in kwargs.items():
        if key == 'data' and function is None:
            if args:
                raise TypeError("__hash_new() got multiple values for argument 'data'")
            data = value
        elif key == 'string':
            string = value
        elif key != 'usedforsecurity':
            raise TypeError(f"{function or 'new'}() got an unexpected keyword argument '{key}'")
    if string is not _NOTHING:
        if data is not _NOTHING:
            if args:
                raise TypeError(f"argument for {function or 'new'}() given by name ('string') "
                                f"and position ({1 if function else 2})")
            raise TypeError("'data' and 'string' are mutually exclusive and support for "
                            "'string' keyword parameter is slated for removal in a future version.")
        data = string
    state = _start(name)
    if data is not _NOTHING:
        state = _update(name, state, data)
    return _make(name, state)


def md5(*args, **kwargs):
    return _construct('openssl_md5', 'md5', args, kwargs)


def sha1(*args, **kwargs):
    return _construct('openssl_sha1', 'sha1', args, kwargs)


def sha224(*args, **kwargs):
    return _construct('openssl_sha224', 'sha224', args, kwargs)


def sha256(*args, **kwargs):
    return _construct('openssl_sha256', 'sha256', args, kwargs)


def sha384(*args, **kwargs):
    return _construct('openssl_sha384', 'sha384', args, kwargs)


def sha512(*args, **kwargs):
    return _construct('openssl_sha512', 'sha512', args, kwargs)


def new(name, *args, **kwargs):
    if not isinstance(name, str):
        raise TypeError('name must be a string')
    key = name.lower()
    if key not in algorithms_guaranteed:
        raise ValueError(f'unsupported hash type {name}')
    return _construct(None, key, args, kwargs)


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    h = new(digest) if isinstance(digest, str) else digest()
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            return h
        h.update(chunk)
`;

/**
 * Builds the `hashlib` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { hashlib: hashlibModule } });
 * interpreter.run("import hashlib\nprint(hashlib.md5(b'').hexdigest())");
 * ```
 */
export const hashlibModule: NativeModuleFactory = pythonSourceModuleWithNatives(
  "hashlib",
  HASHLIB_SOURCE,
  { _start: start, _update: update, _digest: digest, _sizes: sizes },
  { HASH: "_hashlib.HASH" },
);
