import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's `base64`, written in Python over `binascii` (base64 and hex in TypeScript there):
 * `b64*` with `altchars` and `validate`, `standard_b64*`, `urlsafe_b64*`, `b32*` and `b32hex*`,
 * `b16*`, `b85*`, `a85*`, `encodebytes`/`decodebytes`, with CPython 3.13's results and errors.
 *
 * @module
 */

const BASE64_SOURCE = `
import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes', 'b64encode', 'b64decode',
           'b32encode', 'b32decode', 'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
           'b85encode', 'b85decode', 'a85encode', 'a85decode', 'standard_b64encode',
           'standard_b64decode', 'urlsafe_b64encode', 'urlsafe_b64decode']

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        if type(s).__name__ == 'array' and hasattr(s, 'tobytes'):
            return s.tobytes()
        raise TypeError('argument should be a bytes-like object or ASCII string, '
                        f'not {s.__class__.__name__!r}') from None


def _input_bytes(s):
    # What the encoders accept: a bytes-like object, read as CPython's memoryview(s) does.
    if isinstance(s, bytes_types):
        return s
    if type(s).__name__ == 'array' and hasattr(s, 'tobytes'):
        return s.tobytes()
    return memoryview(s).tobytes()


def _translate(data, old, new):
    # bytes.translate(bytes.maketrans(old, new)) for a few replaced bytes.
    mapping = dict(zip(old, new))
    return bytes([mapping.get(c, c) for c in data])


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _translate(encoded, b'+/', altchars)
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _translate(s, altchars, b'+/')
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return _translate(b64encode(s), b'+/', b'-_')


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = _translate(s, b'-_', b'+/')
    return b64decode(s)


_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'


def _b32encode(alphabet, s):
    s = _input_bytes(s)
    leftover = len(s) % 5
    if leftover:
        s = bytes(s) + b'\\0' * (5 - leftover)
    encoded = bytearray()
    for i in range(0, len(s), 5):
        chunk = int.from_bytes(s[i:i + 5], 'big')
        for shift in range(35, -1, -5):
            encoded.append(alphabet[(chunk >> shift) & 31])
    if leftover:
        padding = {1: 6, 2: 4, 3: 3, 4: 1}[leftover]
        encoded[-padding:] = b'=' * padding
    return bytes(encoded)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = _translate(s, b'01', b'O' + map01)
    if casefold:
        s = s.upper()
    length = len(s)
    s = s.rstrip(b'=')
    padchars = length - len(s)
    values = {c: i for i, c in enumerate(alphabet)}
    decoded = bytearray()
    for i in range(0, len(s), 8):
        quanta = s[i:i + 8]
        chunk = 0
        for c in quanta:
            if c not in values:
                raise binascii.Error('Non-base32 digit found')
            chunk = chunk << 5 | values[c]
        chunk <<= 5 * (8 - len(quanta))
        decoded += chunk.to_bytes(5, 'big')
    if length % 8 or padchars not in {0, 1, 3, 4, 6}:
        raise binascii.Error('Incorrect padding')
    if padchars and decoded:
        chunk_bits = 5 * (8 - padchars)
        decoded = decoded[:len(decoded) - 5 + chunk_bits // 8]
    return bytes(decoded)


def b32encode(s):
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if s.strip(b'0123456789ABCDEF'):
        for c in s:
            if c not in b'0123456789ABCDEF':
                raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


_B85_ALPHABET = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                 b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_\`{|}~')


def _85encode(b, alphabet, pad, fold_nuls=False, fold_spaces=False):
    b = _input_bytes(b)
    padding = (-len(b)) % 4
    if padding:
        b = bytes(b) + b'\\0' * padding
    out = bytearray()
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        if fold_nuls and not word:
            out += b'z'
        elif fold_spaces and word == 0x20202020:
            out += b'y'
        else:
            digits = []
            for _ in range(5):
                word, digit = divmod(word, 85)
                digits.append(alphabet[digit])
            out += bytes(reversed(digits))
    if padding and not pad:
        if out[-1:] == b'z':
            out[-1:] = alphabet[0:1] * 5
        del out[len(out) - padding:]
    return bytes(out)


def b85encode(b, pad=False):
    return _85encode(b, _B85_ALPHABET, pad)


def b85decode(b):
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    values = {c: i for i, c in enumerate(_B85_ALPHABET)}
    out = bytearray()
    for i in range(0, len(b), 5):
        chunk = b[i:i + 5]
        acc = 0
        for j, c in enumerate(chunk):
            if c not in values:
                raise ValueError('bad base85 character at position %d' % (i + j))
            acc = acc * 85 + values[c]
        if acc > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += acc.to_bytes(4, 'big')
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


_A85_ALPHABET = bytes(range(33, 118))


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    result = _85encode(b, _A85_ALPHABET, pad, True, foldspaces)
    if adobe:
        result = b'<~' + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b'')
        result = b'\\n'.join(chunks)
    if adobe:
        result += b'~>'
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \\t\\n\\r\\x0b'):
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(b'~>'):
            raise ValueError('Ascii85 encoded byte sequences must end with {!r}'.format(b'~>'))
        b = b[2:-2] if b.startswith(b'<~') else b[:-2]
    out = bytearray()
    group = []
    for c in b + b'u' * 4:
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                acc = 0
                for digit in group:
                    acc = acc * 85 + digit
                if acc > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out += acc.to_bytes(4, 'big')
                group = []
        elif c == 122:
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\\0\\0\\0\\0'
        elif foldspaces and c == 121:
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif c in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % c)
    padding = 4 - len(group)
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encodebytes(s):
    s = _input_bytes(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b''.join(pieces)


def decodebytes(s):
    return binascii.a2b_base64(s)
`;

/**
 * Builds the `base64` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { base64: base64Module } });
 * interpreter.run("import base64\nprint(base64.b64encode(b'hi'))");
 * ```
 */
export const base64Module = pythonSourceModule("base64", BASE64_SOURCE);
