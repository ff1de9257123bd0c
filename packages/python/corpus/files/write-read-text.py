# Text files: write() returns the count of characters, read back whole, by size, by line, by iteration.
f = open('notes.txt', 'w')
print(f.write('first line\n'), f.write('second — line\n'), f.write('third'))
f.close()
with open('notes.txt') as f:
    print(repr(f.read()))
with open('notes.txt') as f:
    print(repr(f.read(5)), repr(f.read(0)), repr(f.readline()), repr(f.readline(4)))
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.read()))
with open('notes.txt') as f:
    print(f.readlines())
with open('notes.txt') as f:
    for number, line in enumerate(f, 1):
        print(number, repr(line))
with open('notes.txt') as f:
    print(f.readlines(12))
    print(list(f))
with open('empty.txt', 'w'):
    pass
with open('empty.txt') as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))
with open('lines.txt', 'w') as f:
    f.writelines(['a\n', 'b\n', 'c'])
    f.writelines(str(i) for i in range(3))
print(repr(open('lines.txt').read()))
