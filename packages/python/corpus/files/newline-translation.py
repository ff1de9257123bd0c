# newline=: universal newlines when reading, '\n' translated on writing, the `newlines` attribute.
with open('mixed.txt', 'wb') as f:
    f.write(b'unix\nwindows\r\nmac\rlast')
for newline in [None, '', '\n', '\r', '\r\n']:
    with open('mixed.txt', newline=newline) as f:
        print(repr(newline), f.readlines(), f.newlines)
with open('mixed.txt') as f:
    print(repr(f.read()), f.newlines)
with open('mixed.txt') as f:
    print(f.newlines, repr(f.readline()), f.newlines)
for newline in [None, '', '\n', '\r', '\r\n']:
    with open('out.txt', 'w', newline=newline) as f:
        f.write('a\nb\r\nc\r')
    print(repr(newline), open('out.txt', 'rb').read())
with open('only-cr.txt', 'w', newline='') as f:
    f.write('1\r2\r\r3')
print(open('only-cr.txt').read().split('\n'))
print(list(open('only-cr.txt', newline='')))
