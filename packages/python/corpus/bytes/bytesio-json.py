# io.BytesIO streams bytes in memory, and json.loads accepts bytes and bytearray.
import io
import json
stream = io.BytesIO(b'first\nsecond\n')
print(stream.readline(), stream.read(3), stream.tell(), stream.read())
stream.seek(0, 2)
print(stream.write(b'third'), stream.write(bytearray(b'!')), stream.getvalue())
stream.seek(0)
print(list(stream), stream.tell())
stream.seek(20)
stream.write(b'x')
print(stream.getvalue(), stream.truncate(5), stream.getvalue())
try:
    stream.write('text')
except TypeError as error:
    print(error)
with io.BytesIO() as buffer:
    buffer.write('héllo'.encode())
    print(buffer.getvalue().decode(), buffer.closed)
print(buffer.closed)
try:
    buffer.getvalue()
except ValueError as error:
    print(error)
print(json.loads(b'{"a": [1, 2]}'), json.loads(bytearray(b'"x"')), json.loads('"\u00e9"'.encode()))
print(json.loads(b'\xef\xbb\xbf[1]'), json.dumps({'k': 'v'}).encode())
