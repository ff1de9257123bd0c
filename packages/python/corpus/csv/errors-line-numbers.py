# csv.Error with the reader's line number, as programs report it; field_size_limit.
import csv

lines = ['a,b\n', 'c,"d\n', 'e"x\n', 'f,g\n', 'h,"i"j\n']
reader = csv.reader(lines, strict=True)
try:
    for row in reader:
        print(reader.line_num, row)
except csv.Error as error:
    print('line %d: %s' % (reader.line_num, error))
print(isinstance(csv.Error('x'), Exception), csv.Error.__module__, csv.Error.__name__)

print(csv.field_size_limit())
print(csv.field_size_limit(4))
reader = csv.reader(['abcd,e\n', 'abcde\n'])
try:
    for row in reader:
        print(reader.line_num, row)
except csv.Error as error:
    print('line %d: %s' % (reader.line_num, error))
print(csv.field_size_limit(new_limit=131072))
for bad in [('x',), (1, 2)]:
    try:
        csv.field_size_limit(*bad)
    except TypeError as error:
        print('TypeError', error)
reader = csv.reader(['ok\n', 'bad\rrow\n'])
try:
    list(reader)
except csv.Error as error:
    print('line %d: %s' % (reader.line_num, error))
list(csv.reader(['"a"b'], strict=True))
