# bytes.hex with separators and bytes.fromhex / bytearray.fromhex, with their errors.
data = bytes([0, 15, 16, 255, 171])
print(data.hex(), data.hex(':'), data.hex('-', 2), data.hex(' ', -2), data.hex(sep=b'|'))
print(b''.hex(), bytearray(b'\x01\x02').hex(), b'abc'.hex(','))
print(bytes.fromhex('00ff AB 10'), bytes.fromhex(''), bytes.fromhex('  0a  '))
print(bytearray.fromhex('de ad be ef'), type(bytearray.fromhex('00')).__name__)
print(bytes.fromhex(data.hex()) == data)
for text in ['0g', 'abc', 'a b', 'zz']:
    try:
        print(bytes.fromhex(text))
    except ValueError as error:
        print(error)
for sep in ['::', 1]:
    try:
        print(data.hex(sep))
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
