# Dialects: the built-in ones, the registry, Dialect subclasses and reusing a dialect object.
import csv
import io

print(csv.list_dialects())
for name in csv.list_dialects():
    d = csv.get_dialect(name)
    print(name, type(d).__name__, repr(d.delimiter), repr(d.quotechar), d.escapechar,
          d.doublequote, d.skipinitialspace, repr(d.lineterminator), d.quoting, d.strict)
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
csv.register_dialect('pipes2', 'pipes', quotechar="'")
print(csv.get_dialect('pipes2').delimiter, csv.get_dialect('pipes2').quotechar)
out = io.StringIO()
csv.writer(out, 'pipes2').writerow(['a', 1])
csv.writer(out, csv.unix_dialect).writerow(['b', 2])
csv.writer(out, csv.excel_tab()).writerow(['c', 3])
print(repr(out.getvalue()))
print(list(csv.reader(["'a'|b"], 'pipes2')))
csv.unregister_dialect('pipes')
print(csv.list_dialects())

class Semi(csv.excel):
    delimiter = ';'
print(list(csv.reader(['a;b,c'], Semi)), Semi._valid, Semi()._valid, csv.Dialect()._valid)
class Incomplete(csv.Dialect):
    delimiter = ':'
try:
    Incomplete()
except csv.Error as error:
    print('Error:', error)
d = csv.reader([], 'excel').dialect
print(csv.reader([], d).dialect is d, csv.reader([], d, delimiter=';').dialect is d)
for attempt in [lambda: csv.get_dialect('nope'), lambda: csv.unregister_dialect('nope'),
                lambda: csv.register_dialect(3), lambda: setattr(d, 'delimiter', ';'),
                lambda: csv.register_dialect('x', 'nope')]:
    try:
        attempt()
    except (csv.Error, TypeError, AttributeError) as error:
        print(type(error).__name__, error)
