import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `hmac` (RFC 2104), written in Python over `hashlib`: `new`, `HMAC` objects
 * (`update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`, `block_size`), `digest` and
 * `compare_digest`, with CPython 3.13's argument errors.
 *
 * @module
 */

const HMAC_SOURCE = `
import hashlib as _hashlib

__all__ = ['new', 'compare_digest', 'digest', 'HMAC']

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))
digest_size = None


def _constructor(digestmod):
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib.new(digestmod, data)
    return lambda data=b'': digestmod.new(data)


class HMAC:
    """RFC 2104 HMAC class."""
    blocksize = 64
    __slots__ = ('_inner', '_outer', 'block_size', 'digest_size')

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError(f'key: expected bytes or bytearray, but got {type(key).__name__!r}')
        if not digestmod:
            raise TypeError("Missing required argument 'digestmod'.")
        make = _constructor(digestmod)
        self._outer = make()
        self._inner = make()
        self.digest_size = self._inner.digest_size
        self.block_size = getattr(self._inner, 'block_size', 64)
        if len(key) > self.block_size:
            key = make(key).digest()
        key = bytes(key) + bytes(self.block_size - len(key))
        self._outer.update(bytes(trans_5C[x] for x in key))
        self._inner.update(bytes(trans_36[x] for x in key))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return 'hmac-' + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = self.__class__.__new__(self.__class__)
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        return other

    def _current(self):
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        return self._current().digest()

    def hexdigest(self):
        return self._current().hexdigest()


def new(key, msg=None, digestmod=''):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    return HMAC(key, msg, digest).digest()


def _comparable(value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if type(value).__name__ == 'array' and hasattr(value, 'tobytes'):
        return value.tobytes()
    return memoryview(value).tobytes()


def compare_digest(a, b, /):
    # CPython: _operator._compare_digest — time depends on the length only, not on the contents.
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError('comparing strings with non-ASCII characters is not supported')
        a, b = a.encode(), b.encode()
    elif isinstance(a, str) or isinstance(b, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    else:
        try:
            a, b = _comparable(a), _comparable(b)
        except TypeError:
            raise TypeError('unsupported operand types(s) or combination of types: '
                            f"'{type(a).__name__}' and '{type(b).__name__}'") from None
    result = len(a) ^ len(b)
    for x, y in zip(a, b if len(a) == len(b) else a):
        result |= x ^ y
    return result == 0
`;

/**
 * Builds the `hmac` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { hmac: hmacModule, hashlib: hashlibModule } });
 * interpreter.run("import hmac\nprint(hmac.new(b'k', b'm', 'sha256').hexdigest())");
 * ```
 */
export const hmacModule = pythonSourceModule("hmac", HMAC_SOURCE);
