# Append mode: writes go to the end whatever the position; 'a+' reads after seeking; print(file=...).
with open('log.txt', 'w') as f:
    f.write('one\n')
with open('log.txt', 'a') as f:
    print(f.tell())
    f.write('two\n')
    print('three', 4, sep='-', file=f)
print(repr(open('log.txt').read()))
with open('log.txt', 'a+') as f:
    print(repr(f.read()), f.tell())
    f.seek(0)
    print(repr(f.readline()))
    f.write('five\n')
    f.seek(0)
    print(f.readlines())
with open('log.bin', 'ab') as f:
    print(f.mode, f.tell(), f.write(b'xy'), f.tell())
with open('log.bin', 'ab+') as f:
    f.seek(0)
    f.write(b'z')
    f.seek(0)
    print(f.read())
with open('fresh.txt', 'a') as f:
    print(f.tell(), end='', file=f)
print(open('fresh.txt').read())
