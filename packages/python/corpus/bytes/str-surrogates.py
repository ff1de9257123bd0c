# Lone surrogates live in a str as CPython keeps them: length, repr, hashing, and codec errors.
s = '\ud800'
print(len(s), repr(s), repr(chr(0xDC80)), ord(chr(0xDFFF)), len('a\udfffb'), repr('x\ud83d'))
print(s == chr(0xD800), hash(s) == hash(chr(0xD800)), {s: 1}[chr(0xD800)], repr(s + 'x'), repr(s * 2))
print(repr('\ud800'[0]), 'ok\udc80'.find('\udc80'), '\udc80' in 'a\udc80', sorted(['\ud800', 'z', '\uffff']) == ['z', '\ud800', '\uffff'])
try:
    s.encode()
except UnicodeEncodeError as error:
    print(error)
    print(error.start, error.end, error.reason)
try:
    'ab\ud800'.encode('utf-8')
except UnicodeEncodeError as error:
    print(error)
print(s.encode('utf-8', 'surrogatepass'), 'a\udc80'.encode('utf-8', 'surrogateescape'))
print(s.encode('utf-8', 'replace'), s.encode('utf-8', 'backslashreplace'), s.encode('utf-8', 'ignore'))
data = b'caf\xe9 \xff'
text = data.decode('utf-8', 'surrogateescape')
print(repr(text), len(text), text.encode('utf-8', 'surrogateescape') == data)
print(repr('\ufeff'), len('\ufeffx'), '\ufeffx'.encode())
