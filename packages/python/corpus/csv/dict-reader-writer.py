# DictReader and DictWriter: header rows, restkey/restval, extrasaction, blank rows.
import csv
import io

text = 'id,name\r\n1,ann\r\n\r\n2,bob,extra,more\r\n3\r\n'
reader = csv.DictReader(io.StringIO(text))
print(reader.fieldnames, reader.line_num)
for row in reader:
    print(reader.line_num, row)
reader = csv.DictReader(['a;b', '1;2;3'], fieldnames=iter(['x', 'y']), restkey='rest',
                        delimiter=';')
print(list(reader), reader.fieldnames)
print(csv.DictReader([]).fieldnames)
print(list(csv.DictReader(['1,2'], fieldnames=['a', 'b', 'c'], restval='?')))

out = io.StringIO()
writer = csv.DictWriter(out, fieldnames=['id', 'name', 'note'], restval='-')
print(writer.writeheader())
writer.writerow({'id': 1, 'name': 'a,b'})
writer.writerows([{'id': 2, 'note': 'x'}, {'name': 'c'}])
print(repr(out.getvalue()))
try:
    writer.writerow({'id': 3, 'oops': 1})
except ValueError as error:
    print('ValueError', error)
ignoring = csv.DictWriter(out, ['id'], extrasaction='ignore')
ignoring.writerow({'id': 4, 'oops': 1})
print(repr(out.getvalue()[-3:]))
try:
    csv.DictWriter(out, ['id'], extrasaction='drop')
except ValueError as error:
    print('ValueError', error)
print(csv.DictReader[str], csv.DictWriter[int])
