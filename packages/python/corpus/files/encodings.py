# The encoding and errors arguments: UTF-8, Latin-1 and ASCII, encode and decode errors as CPython reports them.
text = 'café ñ'
for encoding in ['utf-8', 'latin-1', 'ascii', 'utf8', 'UTF-8']:
    try:
        with open('e.txt', 'w', encoding=encoding) as f:
            f.write(text)
            print(encoding, f.encoding, open('e.txt', 'rb').read())
    except UnicodeEncodeError as e:
        print(encoding, 'UnicodeEncodeError:', e)
with open('e.txt', 'w', encoding='ascii', errors='replace') as f:
    print(f.errors, f.write(text))
print(open('e.txt', 'rb').read())
with open('e.txt', 'w', encoding='latin-1') as f:
    f.write(text)
with open('e.txt', encoding='latin-1') as f:
    print(repr(f.read()))
try:
    open('e.txt', encoding='utf-8').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print(repr(open('e.txt', encoding='utf-8', errors='replace').read()))
print(repr(open('e.txt', encoding='utf-8', errors='ignore').read()))
print(repr(open('e.txt', encoding='ascii', errors='backslashreplace').read()))
with open('e.txt', 'wb') as f:
    f.write('x€y'.encode() * 3000)
with open('e.txt', encoding='utf-8') as f:
    data = f.read()
print(len(data), data.count('€'), data[:6])
with open('e.txt') as f:
    print(sum(len(f.read(7)) for _ in range(1300)), f.read(1))
