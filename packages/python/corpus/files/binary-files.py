# Binary files: bytes in and out, seek/tell from the start, current position and end, readline, truncate.
with open('data.bin', 'wb') as f:
    print(type(f).__name__, f.write(b'\x00\x01abc\n'), f.write(bytearray(b'def\n')), f.write(memoryview(b'xyz')))
    print(f.tell())
with open('data.bin', 'rb') as f:
    print(type(f).__name__, f.read(2), f.tell())
    print(f.readline(), f.readline(), f.readline(), f.readline())
    print(f.seek(1), f.read(3), f.seek(-2, 1), f.read(2), f.seek(-3, 2), f.read())
    print(f.seek(100), f.read(), f.tell())
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(list(f))
with open('data.bin', 'r+b') as f:
    print(type(f).__name__, f.read(2))
    f.write(b'AB')
    f.seek(0)
    print(f.read())
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
    f.seek(8)
    f.write(b'!')
    f.seek(0)
    print(f.read())
with open('data.bin', 'w+b') as f:
    print(f.read(), f.write(b'fresh'), f.seek(0), f.read(3))
try:
    open('data.bin', 'wb').write('text')
except TypeError as e:
    print('TypeError:', e)
buffer = bytearray(4)
with open('data.bin', 'rb') as f:
    print(f.readinto(buffer), buffer, f.readinto(buffer), buffer)
