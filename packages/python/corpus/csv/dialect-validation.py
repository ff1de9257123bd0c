# Every dialect parameter's type and value checks, with CPython 3.13's messages.
import csv

cases = [
    dict(delimiter=1), dict(delimiter='ab'), dict(delimiter=''), dict(delimiter=None),
    dict(delimiter='\n'), dict(quotechar=1), dict(quotechar='ab'), dict(quotechar='\r'),
    dict(escapechar=2.0), dict(escapechar=''), dict(escapechar='\n'),
    dict(lineterminator=1), dict(lineterminator=None), dict(quoting='x'), dict(quoting=9),
    dict(quoting=True), dict(quoting=1.0), dict(quotechar=None, quoting=csv.QUOTE_ALL),
    dict(delimiter='x', quotechar='x'), dict(delimiter='x', escapechar='x'),
    dict(quotechar='x', escapechar='x'), dict(quotechar=' ', skipinitialspace=True),
    dict(escapechar=' ', skipinitialspace=True), dict(delimiter=' ', quotechar=' '),
    dict(delimiter=';', lineterminator=';'), dict(quotechar='!', lineterminator='!\n'),
    dict(bogus=1),
]
for options in cases:
    try:
        d = csv.reader([], **options).dialect
        print('ok', options, d.quoting)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
d = csv.reader([], quotechar=None).dialect
print(d.quotechar, d.quoting)
d = csv.reader([], doublequote=0, skipinitialspace='yes', strict=[1]).dialect
print(d.doublequote, d.skipinitialspace, d.strict)
for args in [(), ([], 'excel', 'extra'), (5,)]:
    try:
        csv.reader(*args)
    except TypeError as error:
        print('TypeError', error)
try:
    csv.writer(object())
except TypeError as error:
    print('TypeError', error)
