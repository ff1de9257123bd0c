# The error handlers: ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape.
text = 'aé€🐍z'
for handler in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
    print(handler, text.encode('ascii', handler), text.encode('latin-1', handler))
data = b'a\xff\xe2\x82b\xc3'
for handler in ['ignore', 'replace', 'backslashreplace']:
    print(handler, repr(data.decode('utf-8', handler)), repr(data.decode('ascii', handler)))
print(repr(b'\xe2\x82x'.decode('utf-8', 'replace')), repr(b'\xf0\x9f\x90'.decode('utf-8', 'replace')))
print(len(data.decode('utf-8', 'surrogateescape')))
print('é'.encode('ascii', errors='replace'), b'\x80'.decode(errors='ignore'))
try:
    b'\xff'.decode('utf-8', 'bogus')
except LookupError as error:
    print(error)
