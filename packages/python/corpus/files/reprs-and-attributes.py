# What a file object shows: reprs of the three layers, name/mode/encoding, classes and their bases.
import io
f = open('r.txt', 'w')
print(repr(f))
print(repr(f.buffer), repr(f.buffer.raw))
print(f.name, f.mode, f.encoding, f.errors, f.newlines, f.line_buffering, f.buffer.mode, f.buffer.raw.mode)
print(type(f), type(f.buffer), type(f.buffer.raw))
print(isinstance(f, io.TextIOWrapper), isinstance(f, io.TextIOBase), isinstance(f, io.IOBase))
print(isinstance(f.buffer, io.BufferedWriter), isinstance(f.buffer, io.BufferedIOBase))
print(isinstance(f.buffer.raw, io.FileIO), isinstance(f.buffer.raw, io.RawIOBase))
print(f.buffer.raw.closefd, f.isatty(), f.buffer.raw.isatty())
f.close()
print(repr(f), repr(f.buffer), repr(f.buffer.raw))
for mode in ['r', 'rb', 'r+', 'r+b', 'w+', 'a', 'ab', 'a+', 'x', 'xb']:
    name = 'm-' + mode.replace('+', 'p') + '.txt'
    if 'r' in mode:
        open(name, 'w').close()
    with open(name, mode) as g:
        buffer = getattr(g, 'buffer', g)
        print(mode, repr(g), g.mode, buffer.raw.mode, type(buffer).__name__)
with open('r.txt', 'w', encoding='latin-1', newline='') as g:
    print(repr(g), g.encoding)
with open('r.txt', 'rb', buffering=0) as g:
    print(repr(g), g.mode)
print(io.open is open, io.DEFAULT_BUFFER_SIZE)
