# int.to_bytes and int.from_bytes give and take real bytes, with CPython's defaults and errors.
print((1024).to_bytes(2), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, signed=True), (5).to_bytes())
print((2**70).to_bytes(9), (0).to_bytes(0), (1).to_bytes(length=2, byteorder='big'), (-129).to_bytes(2, 'little', signed=True))
print(int.from_bytes(b'\x04\x00'), int.from_bytes(b'\xff\xff', signed=True), int.from_bytes([1, 2], 'little'))
print(int.from_bytes(b''), int.from_bytes(bytes=b'\x01', byteorder='little'), int.from_bytes(bytearray(b'\x80'), signed=True))
print(bool.from_bytes(b'\x01'), type(bool.from_bytes(b'\x00')).__name__, int.from_bytes(b'\x01' * 12))
for value in [2**64 - 1, -(2**63), 123456789]:
    data = value.to_bytes(8, 'big', signed=value < 0)
    print(data, int.from_bytes(data, 'big', signed=value < 0) == value)
cases = [lambda: (-1).to_bytes(2), lambda: (256).to_bytes(1), lambda: (1).to_bytes(1, 'middle'),
         lambda: (1).to_bytes(-1), lambda: int.from_bytes('ab'), lambda: int.from_bytes(5),
         lambda: (128).to_bytes(1, signed=True), lambda: (1).to_bytes(0)]
for case in cases:
    try:
        print(case())
    except (OverflowError, ValueError, TypeError) as error:
        print(type(error).__name__, error)
