# Iterables and callbacks that change what the reader or writer is working on.
import csv
import io

lines = ['a,b\n']
reader = csv.reader(lines)
for row in reader:
    print(row)
    if len(lines) < 4:
        lines.append('%d,x\n' % len(lines))
print(len(lines))

class Field:
    def __init__(self, row):
        self.row = row
    def __str__(self):
        self.row.clear()
        self.row.extend(['late'] * 50)
        return 'field'

row = []
row.extend(['first', Field(row), 'third'])
out = io.StringIO()
csv.writer(out).writerow(row)
print(repr(out.getvalue()), len(row))

def lines_then_error():
    yield 'ok,1\n'
    raise RuntimeError('source failed')
try:
    print(list(csv.reader(lines_then_error())))
except RuntimeError as error:
    print('RuntimeError', error)

class Sink:
    def write(self, text):
        raise OSError('disk full')
try:
    csv.writer(Sink()).writerow(['a'])
except OSError as error:
    print('OSError', error)
