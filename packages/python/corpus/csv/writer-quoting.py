# csv.writer: every quoting mode, escapes, doubled quotes, line terminators and return values.
import csv
import io

row = ['text', '', None, 0, 2.5, True, 'a b', 'comma,here', 'quote"here', 'line\nbreak']
for name in ['QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_STRINGS', 'QUOTE_NOTNULL']:
    out = io.StringIO()
    count = csv.writer(out, quoting=getattr(csv, name)).writerow(row)
    print(name, count, repr(out.getvalue()))

def write(rows, **options):
    out = io.StringIO()
    try:
        csv.writer(out, **options).writerows(rows)
        print(repr(out.getvalue()))
    except (csv.Error, TypeError) as error:
        print(type(error).__name__, error)

write([['a,b', 'c"d', 'e\\f', 'g\nh']], escapechar='\\')
write([['a,b', 'c"d', 'e\\f', 'g\nh']], escapechar='\\', quoting=csv.QUOTE_NONE)
write([['a,b', 'c"d']], escapechar='\\', doublequote=False)
write([['a,b']], quoting=csv.QUOTE_NONE)
write([['a"b']], doublequote=False)
write([[''], [None], []])
write([['']], quoting=csv.QUOTE_NONE)
write([['', 'a', ' b']], delimiter=' ', skipinitialspace=True)
write([['']], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NONE, escapechar='\\')
write([['a!b', 'c']], lineterminator='!')
write([['x', 'y'], ('z',), 'ab', range(3)], lineterminator='\n')
write([[1 + 2j, 3, -0.0]], quoting=csv.QUOTE_NONNUMERIC)
write([1])
write([['a'], 5])
