/**
 * The file classes of `io`, as Python sees them: `FileIO` (every read and write one call to the
 * host file system), `BufferedReader` / `BufferedWriter` / `BufferedRandom` (CPython's buffering:
 * reads fill a block-sized buffer, writes gather until it would overflow), `TextIOWrapper`
 * (encoding, universal newlines, `tell`/`seek` cookies that are byte offsets), the `IOBase`
 * family, and `open()` with CPython 3.13's mode and argument checks. Written in Python that pymem
 * runs as part of `io` (pymem's own source, not CPython's Lib/_pyio.py), so every file object,
 * buffer and decoded chunk is an ordinary heap object: counted, GC-tracked and finalized (a file
 * dying open is closed, its buffer flushed, as CPython's `iobase_finalize` does). The system
 * calls are `_pymem_files`'s (files/file-system-module.ts).
 *
 * @module
 */

/** The Python source, run as the first part of the `io` module (StringIO and BytesIO build on its base classes). */
export const IO_FILE_CLASSES_SOURCE = String.raw`# pymem's file classes (FileIO, BufferedReader/Writer/Random, TextIOWrapper, open), written for
# pymem in Python (not CPython's Lib/_pyio.py). The system calls are _pymem_files's.
import _pymem_files as _files
import builtins as _builtins

DEFAULT_BUFFER_SIZE = 8192
# st_blksize of pymem's file systems: the buffer size open() picks (CPython: _io_open_impl).
_BLOCK_SIZE = 4096
# How many bytes TextIOWrapper gathers before passing them down, and reads at a time.
_CHUNK_SIZE = 8192


def _closed_error(message='I/O operation on closed file.'):
    return ValueError(message)


class IOBase:
    """What every file object shares: closing, the context manager, iteration, readlines."""
    __module__ = '_io'
    __qualname__ = '_IOBase'
    _closed = False

    @property
    def closed(self):
        return self._closed

    def _check_closed(self, message='I/O operation on closed file.'):
        if self.closed:
            raise ValueError(message)

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def _check_readable(self):
        if not self.readable():
            raise UnsupportedOperation('File or stream is not readable.')

    def flush(self):
        self._check_closed()

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True

    def isatty(self):
        self._check_closed('I/O operation on closed file')
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        self._check_closed()
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def __del__(self):
        # CPython: iobase_finalize — an object dying open is closed (its buffer flushed). The
        # ResourceWarning CPython emits then is ignored by the default filters.
        if self.closed:
            return
        try:
            # Stack level 3: the warning points at the line whose statement dropped the file.
            self._warn_unclosed(None, 3)
        except Exception:
            pass
        self.close()

    def _warn_unclosed(self, source, stacklevel):
        pass


class RawIOBase(IOBase):
    __module__ = '_io'
    __qualname__ = '_RawIOBase'


class BufferedIOBase(IOBase):
    __module__ = '_io'
    __qualname__ = '_BufferedIOBase'


class TextIOBase(IOBase):
    __module__ = '_io'
    __qualname__ = '_TextIOBase'


def _path_text(file):
    if isinstance(file, str):
        return file
    if isinstance(file, bytes):
        return file.decode()
    method = getattr(type(file), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(file).__name__)
    path = method(file)
    if isinstance(path, bytes):
        return path.decode()
    if not isinstance(path, str):
        raise TypeError('expected ' + type(file).__name__ + '.__fspath__() to return str or bytes, not '
                        + type(path).__name__)
    return path


class _SystemCalls:
    """The _pymem_files functions FileIO calls, kept in an object of their own."""

    def __init__(self, module):
        for name in ('open', 'openflags', 'read', 'write', 'truncate', 'size', 'close', 'seek', 'tell',
                     'fstat'):
            setattr(self, name, getattr(module, name))


class FileIO(RawIOBase):
    """The raw file: every read and write is one call to the file system (CPython's FileIO)."""
    __module__ = '_io'
    __qualname__ = 'FileIO'
    _handle = -1
    _closed = True
    # The system calls, held by the class: a file finalized at shutdown, after the modules'
    # dicts were cleared, still flushes and closes (CPython's FileIO is C and needs no globals).
    _system = _SystemCalls(_files)

    def __init__(self, file, mode='r', closefd=True, opener=None):
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        descriptor = isinstance(file, int)
        if descriptor:
            if file < 0:
                raise ValueError('negative file descriptor')
        else:
            path = _path_text(file)
            if not closefd:
                raise ValueError('Cannot use closefd=False with file name')
        if not isinstance(mode, str):
            raise TypeError("FileIO() argument 'mode' must be str, not " + type(mode).__name__)
        kinds = 0
        for index, c in enumerate(mode):
            if c not in 'rwxa+b' or c in mode[index + 1:]:
                raise ValueError('invalid mode: ' + mode)
            if c in 'rwxa':
                kinds += 1
        if kinds != 1:
            raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
        kind = [c for c in mode if c in 'rwxa'][0]
        self._update = '+' in mode
        self._kind = kind
        self.name = file
        self._closefd = closefd
        if descriptor:
            # CPython: _io_FileIO___init___impl fstat()s the descriptor it is given.
            self._system.fstat(file)
            self._handle = file
        elif opener is not None:
            # The flags CPython's FileIO passes the opener (O_CLOEXEC among them).
            flags = {'r': 0, 'w': 0o1101, 'x': 0o301, 'a': 0o2101}[kind]
            if self._update:
                flags = (flags & ~3) | 2
            self._handle = opener(path, flags | 0o2000000)
            if not isinstance(self._handle, int):
                raise TypeError('expected integer from opener')
            if self._handle < 0:
                raise ValueError('opener returned ' + str(self._handle))
        else:
            self._handle = self._system.open(path, kind + ('+' if self._update else ''))
        self._closed = False
        if kind == 'a':
            self._system.seek(self._handle, self._system.size(self._handle))

    @property
    def mode(self):
        if self._kind == 'x':
            return 'xb+' if self._update else 'xb'
        if self._kind == 'a':
            return 'ab+' if self._update else 'ab'
        if self._update:
            return 'rb+'
        return 'rb' if self._kind == 'r' else 'wb'

    @property
    def closefd(self):
        return self._closefd

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def readable(self):
        self._check()
        return self._kind == 'r' or self._update

    def writable(self):
        self._check()
        return self._kind != 'r' or self._update

    def seekable(self):
        self._check()
        return True

    def fileno(self):
        self._check()
        return self._handle

    def isatty(self):
        self._check()
        return False

    def _check_mode(self, readable):
        self._check()
        if readable and not (self._kind == 'r' or self._update):
            raise UnsupportedOperation('File not open for reading')
        if not readable and not (self._kind != 'r' or self._update):
            raise UnsupportedOperation('File not open for writing')

    def read(self, size=-1):
        self._check_mode(True)
        if size is None or size < 0:
            return self.readall()
        return self._system.read(self._handle, size, -1)

    def readall(self):
        self._check_mode(True)
        return self._system.read(self._handle, -1, -1)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_mode(True)
        line = bytearray()
        while size is None or size < 0 or len(line) < size:
            byte = self.read(1)
            if not byte:
                break
            line += byte
            if byte == b'\n':
                break
        return bytes(line)

    def write(self, data):
        self._check_mode(False)
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(data, (bytes, bytearray)):
            data = bytes(data)
        return self._system.write(self._handle, data, -1)

    def seek(self, pos, whence=0):
        self._check()
        if isinstance(pos, float):
            raise TypeError('an integer is required')
        if whence == 0:
            target = pos
        elif whence == 1:
            target = self._system.tell(self._handle) + pos
        elif whence == 2:
            target = self._system.size(self._handle) + pos
        else:
            raise ValueError('invalid whence (' + str(whence) + ', should be 0, 1 or 2)')
        if target < 0:
            raise OSError(22, 'Invalid argument')
        return self._system.seek(self._handle, target)

    def tell(self):
        self._check()
        return self._system.tell(self._handle)

    def truncate(self, size=None):
        self._check()
        if not (self._kind != 'r' or self._update):
            raise UnsupportedOperation('File not open for writing')
        if size is None:
            size = self._system.tell(self._handle)
        self._system.truncate(self._handle, size)
        return size

    def close(self):
        if self._closed:
            return
        try:
            self.flush()
        finally:
            self._closed = True
            if self._closefd:
                self._system.close(self._handle)

    def flush(self):
        if self._closed:
            raise _closed_error()

    def _warn_unclosed(self, source, stacklevel):
        # CPython: fileio_dealloc_warn — reported for the outermost object that died open.
        if self._closefd:
            import warnings
            source = self if source is None else source
            warnings.warn('unclosed file ' + repr(source), ResourceWarning, stacklevel, source)

    def __repr__(self):
        if self._closed:
            return '<_io.FileIO [closed]>'
        return '<_io.FileIO name=' + repr(self.name) + ' mode=' + repr(self.mode) + ' closefd=' \
            + repr(self._closefd) + '>'


class _Buffered(BufferedIOBase):
    """CPython's buffered.c: reads fill a buffer of buffer_size from the raw file; writes gather
    in one until it would overflow. At most one of the two holds bytes at a time."""
    _closed_flag = False

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        self.raw = raw
        self.buffer_size = buffer_size
        self._read_buffer = b''
        self._read_offset = 0
        self._write_buffer = bytearray()

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def _check(self, action):
        if self.raw.closed:
            raise ValueError('write to closed file' if action == 'write' else action + ' of closed file')

    def readable(self):
        return self.raw.readable()

    def seekable(self):
        return self.raw.seekable()

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def _flush_writes(self):
        if self._write_buffer:
            data = bytes(self._write_buffer)
            self._write_buffer = bytearray()
            self.raw.write(data)

    def _drop_reads(self):
        # The raw position runs ahead of the logical one by what is still buffered: go back.
        unread = len(self._read_buffer) - self._read_offset
        self._read_buffer = b''
        self._read_offset = 0
        if unread:
            self.raw.seek(-unread, 1)

    def _fill(self, wanted):
        """Reads from the raw file until wanted bytes are buffered or it ends."""
        self._flush_writes()
        while len(self._read_buffer) - self._read_offset < wanted:
            chunk = self.raw.read(max(self.buffer_size, wanted - (len(self._read_buffer) - self._read_offset)))
            if not chunk:
                return
            self._read_buffer = self._read_buffer[self._read_offset:] + chunk
            self._read_offset = 0

    def read(self, size=-1):
        self._check('read')
        if not self.readable():
            raise UnsupportedOperation('read')
        if size is None or size < 0:
            self._flush_writes()
            data = self._read_buffer[self._read_offset:] + self.raw.readall()
            self._read_buffer = b''
            self._read_offset = 0
            return data
        self._fill(size)
        start = self._read_offset
        data = self._read_buffer[start:start + size]
        self._read_offset = start + len(data)
        return data

    def read1(self, size=-1):
        self._check('read')
        if not self.readable():
            raise UnsupportedOperation('read1')
        if size is None or size < 0:
            size = self.buffer_size
        if self._read_offset >= len(self._read_buffer):
            self._fill(1)
        start = self._read_offset
        data = self._read_buffer[start:start + size]
        self._read_offset = start + len(data)
        return data

    def _peek(self, size=0):
        self._check('peek')
        self._fill(1)
        return self._read_buffer[self._read_offset:]

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check('readline')
        if not self.readable():
            raise UnsupportedOperation('read')
        if size is None:
            size = -1
        while True:
            end = self._read_buffer.find(b'\n', self._read_offset)
            available = len(self._read_buffer) - self._read_offset
            if end >= 0 or 0 <= size <= available:
                break
            before = available
            self._fill(available + 1)
            if len(self._read_buffer) - self._read_offset == before:
                break
        start = self._read_offset
        stop = len(self._read_buffer) if end < 0 else end + 1
        if size >= 0:
            stop = min(stop, start + size)
        self._read_offset = stop
        return self._read_buffer[start:stop]

    def write(self, data):
        self._check('write')
        if not self.writable():
            raise UnsupportedOperation('write')
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        self._drop_reads()
        if len(self._write_buffer) + len(data) > self.buffer_size:
            self._flush_writes()
        if len(data) > self.buffer_size:
            self.raw.write(data)
        else:
            self._write_buffer += data
        return len(data)

    def flush(self):
        self._check('flush')
        self._flush_writes()

    def tell(self):
        position = self.raw.tell()
        return position - (len(self._read_buffer) - self._read_offset) + len(self._write_buffer)

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError('whence value ' + str(whence) + ' unsupported')
        self._check('seek')
        if whence == 1:
            pos += self.tell()
            whence = 0
        self._flush_writes()
        self._read_buffer = b''
        self._read_offset = 0
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        self._check('truncate')
        if not self.writable():
            raise UnsupportedOperation('truncate')
        self._flush_writes()
        if pos is None:
            pos = self.tell()
        self._drop_reads()
        return self.raw.truncate(pos)

    def close(self):
        if self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def _warn_unclosed(self, source, stacklevel):
        self.raw._warn_unclosed(self if source is None else source, stacklevel + 1)

    def detach(self):
        self.flush()
        raw = self.raw
        self._detached = True
        return raw

    def __repr__(self):
        try:
            name = self.name
        except Exception:
            return '<_io.' + type(self).__name__ + '>'
        return '<_io.' + type(self).__name__ + ' name=' + repr(name) + '>'


class BufferedReader(_Buffered):
    __module__ = '_io'
    __qualname__ = 'BufferedReader'
    peek = _Buffered._peek

    def write(self, data):
        raise UnsupportedOperation('write')

    def writable(self):
        return False

    flush = IOBase.flush

    def truncate(self, pos=None):
        self._check('truncate')
        raise UnsupportedOperation('truncate')


class BufferedWriter(_Buffered):
    __module__ = '_io'
    __qualname__ = 'BufferedWriter'

    def writable(self):
        return self.raw.writable()

    def readable(self):
        return False

    def read(self, size=-1):
        raise UnsupportedOperation('read')

    def read1(self, size=-1):
        raise UnsupportedOperation('read1')

    def readline(self, size=-1):
        raise UnsupportedOperation('read')


class BufferedRandom(_Buffered):
    __module__ = '_io'
    __qualname__ = 'BufferedRandom'
    peek = _Buffered._peek

    def writable(self):
        return self.raw.writable()


# Encodings whose bytes decode piece by piece: one byte per character, or UTF-8 (cut before an
# incomplete character). Any other codec decodes a file in one piece.
_SINGLE_BYTE = ('ascii', 'latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'us-ascii', 'l1')
_UTF8 = ('utf-8', 'utf8', 'u8', 'utf')


def _codec_kind(encoding):
    name = encoding.lower().replace('_', '-')
    if name in _UTF8:
        return 'utf-8'
    if name in _SINGLE_BYTE:
        return 'single'
    return 'whole'


def _utf8_cut(data):
    """Where data stops being whole UTF-8 characters: before a trailing incomplete one."""
    end = len(data)
    for back in range(1, min(4, end) + 1):
        byte = data[end - back]
        if byte & 0xC0 != 0x80:
            need = 2 if byte & 0xE0 == 0xC0 else 3 if byte & 0xF0 == 0xE0 else 4 if byte & 0xF8 == 0xF0 else 1
            return end - back if need > back else end
    return end


class TextIOWrapper(TextIOBase):
    """Text over a buffered file (CPython's textio.c): str in and out, encoded with encoding,
    newlines translated as newline says. Writes gather up to a chunk before going down; reads
    decode a chunk at a time."""
    __module__ = '_io'
    __qualname__ = 'TextIOWrapper'

    def __init__(self, buffer, encoding=None, errors=None, newline=None, line_buffering=False,
                 write_through=False):
        if encoding is None:
            encoding = 'UTF-8'
        if not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be str or None, not "
                            + type(encoding).__name__)
        ''.encode(encoding)
        if errors is None:
            errors = 'strict'
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str or None, not "
                            + type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: ' + newline)
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self._codec = _codec_kind(encoding)
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._pending = []
        self._pending_count = 0
        self._seen = 0
        self._reset_decoder()

    def _reset_decoder(self):
        # The decoded chunk (translated) cut into lines, the next line's index, the chunk's
        # length and its untranslated text (for tell), the file offset it starts at, undecoded
        # bytes, a held '\r'. Lines are cut once per chunk, so that readline() and iteration
        # take one list item each rather than slice a chunk-long string per line.
        self._lines = []
        self._index = 0
        self._chunk_length = 0
        self._raw_text = ''
        self._start = None
        self._undecoded = b''
        self._held_cr = False

    buffer = property(lambda self: self._buffer)
    encoding = property(lambda self: self._encoding)
    errors = property(lambda self: self._errors)
    line_buffering = property(lambda self: self._line_buffering)
    write_through = property(lambda self: self._write_through)

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    @property
    def newlines(self):
        kinds = (None, '\r', '\n', ('\r', '\n'), '\r\n', ('\r', '\r\n'), ('\n', '\r\n'),
                 ('\r', '\n', '\r\n'))
        return kinds[self._seen] if self._newline in (None, '') else None

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        return self._buffer.seekable()

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def _check_closed(self, message='I/O operation on closed file.'):
        if self._buffer.closed:
            raise ValueError(message)

    # ── writing

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        if not self._buffer.writable():
            raise UnsupportedOperation('not writable')
        length = len(s)
        has_newline = '\n' in s or '\r' in s
        if self._newline not in (None, '', '\n') and '\n' in s:
            s = s.replace('\n', self._newline)
        data = s.encode(self._encoding, self._errors)
        # What was read ahead is dropped, as CPython's write does (the buffer keeps its position).
        if self._index < len(self._lines) or self._undecoded:
            self._reset_decoder()
        self._pending.append(data)
        self._pending_count += len(data)
        if self._pending_count > _CHUNK_SIZE or self._write_through or (self._line_buffering and has_newline):
            self._flush_pending()
        if self._line_buffering and has_newline:
            self._buffer.flush()
        return length

    def _flush_pending(self):
        if self._pending:
            data = b''.join(self._pending)
            self._pending = []
            self._pending_count = 0
            self._buffer.write(data)

    def flush(self):
        self._check_closed()
        self._flush_pending()
        self._buffer.flush()

    def close(self):
        if self._buffer.closed:
            return
        try:
            self.flush()
        finally:
            self._buffer.close()

    def _warn_unclosed(self, source, stacklevel):
        self._buffer._warn_unclosed(self if source is None else source, stacklevel + 1)

    def detach(self):
        self.flush()
        buffer = self._buffer
        return buffer

    # ── reading

    def _check_readable(self):
        self._check_closed()
        if not self._buffer.readable():
            raise UnsupportedOperation('not readable')

    def _note_newlines(self, text):
        if '\r\n' in text:
            self._seen |= 4
            text = text.replace('\r\n', '')
        if '\r' in text:
            self._seen |= 1
        if '\n' in text:
            self._seen |= 2

    def _read_chunk(self):
        """Decodes the next chunk into _lines; False at the end of the file."""
        self._flush_pending()
        start = self._buffer.tell() - len(self._undecoded) - (1 if self._held_cr else 0)
        data = self._buffer.read(-1 if self._codec == 'whole' else _CHUNK_SIZE)
        final = not data
        data = self._undecoded + data
        cut = _utf8_cut(data) if self._codec == 'utf-8' and not final else len(data)
        self._undecoded = data[cut:]
        text = data[:cut].decode(self._encoding, self._errors)
        if self._held_cr:
            text = '\r' + text
        self._held_cr = False
        if not final and text.endswith('\r') and self._newline != '\n':
            # A '\r' at the end may be half of '\r\n': it waits for the next chunk.
            text = text[:-1]
            self._held_cr = True
        self._start = start
        self._raw_text = text
        if self._newline in (None, ''):
            self._note_newlines(text)
        if self._newline is None:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        self._chunk_length = len(text)
        self._lines = self._split_lines(text)
        self._index = 0
        return bool(text) or self._held_cr

    def _split_lines(self, text):
        """text cut after each line ending the newline mode recognises (endings kept)."""
        ending = '\n' if self._newline in (None, '') else self._newline
        parts = text.split(ending)
        lines = [part + ending for part in parts[:-1]]
        if parts[-1]:
            lines.append(parts[-1])
        if self._newline != '' or '\r' not in text:
            return lines
        # Universal mode without translation: '\r' alone ends a line too ('\r\n' stays whole).
        result = []
        for line in lines:
            segments = line.split('\r')
            result.extend(segment + '\r' for segment in segments[:-1])
            if segments[-1] == '\n' and len(segments) > 1:
                result[-1] += '\n'
            elif segments[-1]:
                result.append(segments[-1])
        return result

    def _is_whole_line(self, line):
        if self._newline == '':
            return line.endswith('\n') or line.endswith('\r')
        return line.endswith('\n' if self._newline is None else self._newline)

    def _take(self, size):
        """The next line of the chunk, or its first size characters (the rest stays)."""
        line = self._lines[self._index]
        if 0 <= size < len(line):
            self._lines[self._index] = line[size:]
            return line[:size]
        self._index += 1
        return line

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '" + type(size).__name__ + "'")
        parts = []
        wanted = size
        while wanted != 0:
            if self._index < len(self._lines):
                piece = self._take(wanted)
                parts.append(piece)
                if wanted > 0:
                    wanted -= len(piece)
            elif not self._read_chunk():
                break
        return ''.join(parts)

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        parts = []
        while size != 0:
            if self._index < len(self._lines):
                piece = self._take(size)
                parts.append(piece)
                if size > 0:
                    size -= len(piece)
                if self._is_whole_line(piece):
                    break
            elif not self._read_chunk():
                break
        if len(parts) == 1:
            return parts[0]
        return ''.join(parts)

    def __next__(self):
        self._check_closed()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # ── positions

    def tell(self):
        self._check_closed()
        if not self._buffer.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        self.flush()
        if self._start is None:
            return self._buffer.tell()
        # The untranslated text up to the translated offset, encoded: bytes consumed.
        consumed = self._chunk_length - sum(len(line) for line in self._lines[self._index:])
        raw = self._raw_text
        if self._newline is None:
            index = 0
            while consumed > 0:
                index += 2 if raw.startswith('\r\n', index) else 1
                consumed -= 1
            consumed = index
        return self._start + len(raw[:consumed].encode(self._encoding, self._errors))

    def seek(self, cookie, whence=0):
        self._check_closed()
        if not self._buffer.seekable():
            raise UnsupportedOperation('underlying stream is not seekable')
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            self._reset_decoder()
            return self._buffer.seek(0, 2)
        elif whence != 0:
            raise ValueError('invalid whence (' + str(whence) + ', should be 0, 1 or 2)')
        if cookie < 0:
            raise ValueError('negative seek position ' + str(cookie))
        self.flush()
        self._reset_decoder()
        self._buffer.seek(cookie)
        return cookie

    def truncate(self, pos=None):
        # CPython: _io_TextIOWrapper_truncate_impl — without a position, the buffer's own (past
        # what was read ahead), not tell()'s.
        self._check_closed()
        self.flush()
        return self._buffer.truncate(pos)

    def __repr__(self):
        text = '<_io.TextIOWrapper'
        try:
            text += ' name=' + repr(self.name)
        except Exception:
            pass
        if 'mode' in self.__dict__:
            text += ' mode=' + repr(self.mode)
        return text + ' encoding=' + repr(self._encoding) + '>'


def _argument(name, value, kinds, what):
    if value is not None and not isinstance(value, kinds):
        raise TypeError("open() argument '" + name + "' must be " + what + ', not ' + type(value).__name__)


def _open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
          opener=None):
    # CPython: _io_open_impl — the mode parsed and checked, then FileIO, a buffer, a text layer.
    if not isinstance(file, (str, bytes, int)):
        _path_text(file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    if isinstance(buffering, bool) or not isinstance(buffering, int):
        raise TypeError("'" + type(buffering).__name__ + "' object cannot be interpreted as an integer")
    _argument('encoding', encoding, str, 'str or None')
    _argument('errors', errors, str, 'str or None')
    _argument('newline', newline, str, 'str or None')
    for index, c in enumerate(mode):
        if c not in 'xrwa+tb' or c in mode[index + 1:]:
            raise ValueError("invalid mode: '" + mode + "'")
    kinds = [c for c in 'xrwa' if c in mode]
    text = 't' in mode
    binary = 'b' in mode
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if len(kinds) > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if not binary:
        if encoding is not None:
            ''.encode(encoding)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: ' + newline)
    raw_mode = ''.join(kinds) + ('+' if '+' in mode else '')
    raw = FileIO(file, raw_mode, closefd, opener)
    try:
        line_buffering = buffering == 1
        if buffering == 1 or buffering < 0:
            buffering = _BLOCK_SIZE
        if buffering == 0:
            if binary:
                return raw
            raise ValueError("can't have unbuffered text I/O")
        if '+' in mode:
            buffer = BufferedRandom(raw, buffering)
        elif kinds == ['r']:
            buffer = BufferedReader(raw, buffering)
        else:
            buffer = BufferedWriter(raw, buffering)
        if binary:
            return buffer
        wrapper = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        wrapper.mode = mode
        return wrapper
    except BaseException:
        raw.close()
        raise


# CPython: builtins.open is io.open; the built-in calls _open above.
open = _builtins.open
`;
