# 'r+' and 'w+' text files: reading and writing through one object, overwriting in place.
with open('u.txt', 'w+') as f:
    f.write('line one\nline two\n')
    print(repr(f.read()))
    f.seek(0)
    print(repr(f.read()))
    f.seek(5)
    f.write('ONE')
    f.seek(0)
    print(f.readlines())
with open('u.txt', 'r+') as f:
    print(repr(f.read(4)))
    f.seek(f.tell())
    f.write('-')
    f.seek(0)
    print(repr(f.read()))
    f.write('appended\n')
print(repr(open('u.txt').read()))
with open('u.txt', 'r+') as f:
    f.write('X')
    print(repr(f.read()))
print(repr(open('u.txt').read()))
with open('counter.txt', 'w') as f:
    f.write('0')
for _ in range(5):
    with open('counter.txt', 'r+') as f:
        value = int(f.read())
        f.seek(0)
        f.write(str(value + 1))
print(open('counter.txt').read())
