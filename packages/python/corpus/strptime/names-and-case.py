# Month and weekday names in any case, AM/PM, whitespace and literal text around directives.
from datetime import datetime
import time

for text in ['JANUARY 1 2000', 'february 29 2000', 'mAy 31 1999', 'Dec 25 2023']:
    for fmt in ['%B %d %Y', '%b %d %Y']:
        try:
            print(text, fmt, datetime.strptime(text, fmt).date())
        except ValueError as error:
            print('ValueError', error)
for text in ['monday 2024 1 1', 'TUE 2024 1 2', 'sunday 2024 1 7']:
    fmt = '%A %Y %m %d' if len(text.split()[0]) > 3 else '%a %Y %m %d'
    print(datetime.strptime(text, fmt).weekday())
for text in ['12:00 am', '12:30 PM', '01:05 pm', '11:59 AM', '7 am']:
    print(text, datetime.strptime(text, '%I:%M %p' if ':' in text else '%I %p').time())
print(datetime.strptime('  2024\t-\n01 ', ' %Y - %m '))
print(datetime.strptime('on 2024.01.02 at 3h', 'on %Y.%m.%d at %Hh'))
print(datetime.strptime('(2024)|[05]', '(%Y)|[%m]'), datetime.strptime('2024^1$', '%Y^%m$'))
print(time.strptime('10:20', '%H:%M')[:6], time.strptime('%', '%%')[:3])
