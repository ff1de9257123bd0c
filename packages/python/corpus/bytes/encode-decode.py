# str.encode and bytes.decode with UTF-8 (the default), ASCII and Latin-1 under their aliases.
text = 'héllo wörld €'
print(text.encode(), text.encode('utf-8'), text.encode('UTF8'), text.encode(encoding='utf_8'))
print('café'.encode('latin-1'), 'café'.encode('latin1'), 'café'.encode('ISO-8859-1'), 'café'.encode('l1'))
print('plain'.encode('ascii'), 'plain'.encode('US-ASCII'), '🐍'.encode(), len('🐍'.encode()))
print(b'h\xc3\xa9llo'.decode(), b'caf\xe9'.decode('latin-1'), b'abc'.decode('ascii'))
print(bytearray(b'\xe2\x82\xac').decode('utf-8'), b''.decode(), b'\xf0\x9f\x90\x8d'.decode())
print(text.encode().decode() == text, bytes(range(256)).decode('latin-1').encode('latin-1') == bytes(range(256)))
print(b'\xef\xbb\xbfbom'.decode(), len(b'\xef\xbb\xbfbom'.decode()))
for name in ['nope', 'UTF 8', 'utf_8_sig_x']:
    try:
        print('x'.encode(name))
    except LookupError as error:
        print(type(error).__name__, error)
try:
    'x'.encode(1)
except TypeError as error:
    print(error)
try:
    b''.decode(encoding=3)
except TypeError as error:
    print(error)
