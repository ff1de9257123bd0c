# StringIO and BytesIO derive from io.TextIOBase and io.BufferedIOBase (both io.IOBase), so
# isinstance checks on file-like arguments accept them, and their closed-file errors match.
import io

text = io.StringIO("a\nb\n")
data = io.BytesIO(b"xy")
print(isinstance(text, io.TextIOBase), isinstance(text, io.IOBase), isinstance(text, io.BufferedIOBase))
print(isinstance(data, io.BufferedIOBase), isinstance(data, io.IOBase), isinstance(data, io.TextIOBase))
print(io.StringIO.__mro__)
print(io.BytesIO.__mro__)
print(text.readable(), text.writable(), text.seekable(), text.tell(), list(text))
with text:
    pass
print(text.closed, data.closed)
for stream in (text, io.BytesIO(b"")):
    stream.close()
    for name in ("read", "tell", "readable", "flush", "__iter__", "__enter__"):
        try:
            getattr(stream, name)()
        except ValueError as error:
            print(type(stream).__name__, name, error)
