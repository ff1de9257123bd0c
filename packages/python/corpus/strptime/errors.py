# strptime's errors: mismatches, leftovers, bad directives, ISO rules, argument types.
from datetime import datetime
import time

attempts = [
    ('2024-13-01', '%Y-%m-%d'), ('2024-02-30', '%Y-%m-%d'), ('2024-01-02 3', '%Y-%m-%d'),
    ('24', '%Y'), ('2024', '%Y %'), ('2024', '%Y %Q'), ('2024', '%'), ('x', '%Y'),
    ('2024 05', '%G %V'), ('2024 05 1', '%Y %V %u'), ('2024 100 1', '%G %j %u'),
    ('2024 +01:0230', '%Y %z'), ('13 PM', '%I %p'), ('2024 25:00', '%Y %H:%M'),
    ('Mon 2024', '%a'), ('', ''), ('abc', 'abc'),
]
for text, format in attempts:
    try:
        print('ok', repr(datetime.strptime(text, format)))
    except ValueError as error:
        print('ValueError', error)
for args in [(2024, '%Y'), ('2024', 2024), (b'2024', '%Y')]:
    try:
        datetime.strptime(*args)
    except TypeError as error:
        print('TypeError', error)
    try:
        time.strptime(*args)
    except TypeError as error:
        print('TypeError', error)
try:
    time.strptime('nope')
except ValueError as error:
    print('ValueError', error)
datetime.strptime('2024-01-01 extra', '%Y-%m-%d')
