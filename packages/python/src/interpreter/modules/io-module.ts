import { IO_FILE_CLASSES_SOURCE } from "../files/io-file-classes.js";
import { pythonSourceModule } from "./python-source-module.js";

/**
 * Python's io module: the file classes and `open()` (files/io-file-classes.ts), and StringIO (write/read/readline/seek/tell/
 * truncate/getvalue, iteration, context manager, closed-file errors as CPython's) and BytesIO
 * (the same over a bytearray), written in
 * Python that pymem runs at import (pymem's own source). Python rather than TypeScript: the
 * buffer is an ordinary list of heap strings, so its memory is visible to getsizeof and gc.
 *
 * @module
 */

/** The module's Python source, run at import. */
const IO_SOURCE = String.raw`# pymem's io module (StringIO, BytesIO), written for pymem in Python (not CPython's Lib/_pyio source).


class UnsupportedOperation(OSError, ValueError):
    pass


SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def _check_size(size, what):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '" + type(size).__name__ + "'")
    return size


def _open_and_true(self):
    self._check_open()
    return True


def _stream_position(self):
    self._check_open()
    return self._position


class StringIO(TextIOBase):
    """An in-memory text stream: write() appends at the position, getvalue() returns it all."""
    __module__ = '_io'
    readable = writable = seekable = _open_and_true
    tell = _stream_position

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not ' + type(initial_value).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not ' + type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: ' + repr(newline))
        self._parts = [initial_value]
        self._length = len(initial_value)
        self._position = 0
        self._closed = False

    def _check_open(self):
        # CPython's StringIO says it without the full stop of the other file objects (and of
        # the methods it inherits from IOBase).
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def flush(self):
        pass

    def _text(self):
        if len(self._parts) != 1:
            self._parts = [''.join(self._parts)]
        return self._parts[0]

    @property
    def line_buffering(self):
        return False

    def close(self):
        self._closed = True
        self._parts = ['']

    def isatty(self):
        self._check_open()
        return False

    def getvalue(self):
        self._check_open()
        return self._text()

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("'" + type(pos).__name__ + "' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position ' + str(pos))
            self._position = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._position = self._length
        else:
            raise ValueError('Invalid whence (' + str(whence) + ', should be 0, 1 or 2)')
        return self._position

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '" + type(s).__name__ + "'")
        if not s:
            return 0
        position = self._position
        if position == self._length:
            self._parts.append(s)
        else:
            text = self._text()
            if position > len(text):
                text = text + '\0' * (position - len(text))
            self._parts = [text[:position] + s + text[position + len(s):]]
        self._position = position + len(s)
        self._length = max(self._length, self._position)
        return len(s)

    def read(self, size=-1):
        self._check_open()
        size = _check_size(size, 'read')
        text = self._text()
        start = min(self._position, len(text))
        end = len(text) if size < 0 else min(start + size, len(text))
        self._position = max(self._position, end)
        return text[start:end]

    def readline(self, size=-1):
        self._check_open()
        size = _check_size(size, 'readline')
        text = self._text()
        start = min(self._position, len(text))
        limit = len(text) if size < 0 else min(start + size, len(text))
        newline = text.find('\n', start, limit)
        end = limit if newline < 0 else newline + 1
        self._position = max(self._position, end)
        return text[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._position
        if size < 0:
            raise ValueError('Negative size value ' + str(size))
        text = self._text()
        if size < len(text):
            self._parts = [text[:size]]
            self._length = size
        return size

    def __getstate__(self):
        return (self.getvalue(), '\n', self._position, None)


class BytesIO(BufferedIOBase):
    """An in-memory binary stream over a bytearray: write() stores at the position."""
    __module__ = '_io'
    _check_open = BufferedIOBase._check_closed
    readable = writable = seekable = _open_and_true
    tell = _stream_position

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        if isinstance(initial_bytes, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._buffer = bytearray(initial_bytes)
        self._position = 0
        self._closed = False

    def __iter__(self):
        # CPython: BytesIO iterates without the closed check (its readline raises instead).
        return self

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_closed()
        return bytes(self._buffer)

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'" + type(pos).__name__ + "' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value ' + str(pos))
            self._position = pos
        elif whence == 1:
            self._position = max(0, self._position + pos)
        elif whence == 2:
            self._position = max(0, len(self._buffer) + pos)
        else:
            raise ValueError('invalid whence (' + str(whence) + ', should be 0, 1 or 2)')
        return self._position

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        position = self._position
        if position > len(self._buffer):
            self._buffer.extend(bytes(position - len(self._buffer)))
        self._buffer[position:position + len(data)] = data
        self._position = position + len(data)
        return len(data)

    def read(self, size=-1):
        self._check_closed()
        size = _check_size(size, 'read')
        start = min(self._position, len(self._buffer))
        end = len(self._buffer) if size < 0 else min(len(self._buffer), start + size)
        self._position = max(self._position, end)
        return bytes(self._buffer[start:end])

    def readline(self, size=-1):
        self._check_closed()
        size = _check_size(size, 'readline')
        start = min(self._position, len(self._buffer))
        end = self._buffer.find(b'\n', start)
        end = len(self._buffer) if end < 0 else end + 1
        if size >= 0:
            end = min(end, start + size)
        self._position = max(self._position, end)
        return bytes(self._buffer[start:end])

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._position
        if size < 0:
            raise ValueError('negative size value ' + str(size))
        del self._buffer[size:]
        return size
`;

/**
 * Builds the `io` module the first time a script imports it.
 *
 * @example
 * ```ts
 * const interpreter = new Interpreter({ modules: { io: ioModule } });
 * ```
 */
export const ioModule = pythonSourceModule("io", IO_FILE_CLASSES_SOURCE + IO_SOURCE);
