# UTC offsets with %z and %:z, fractions, Z, and the tzinfo they become.
from datetime import datetime, timedelta

for text in ['+0000', '-0000', '+0530', '-1200', '+01:00', '-03:30:15', '+0102.5', '+01:02:03.123456',
             'Z', 'z', '+23:59']:
    try:
        value = datetime.strptime('2024-06-01 ' + text, '%Y-%m-%d %z')
        print(text, repr(value.tzinfo), value.utcoffset(), value.isoformat())
    except ValueError as error:
        print(text, 'ValueError', error)
for text in ['+0100', '+1:00', '+01:0', '0100', '+01:00:00:00']:
    try:
        print(text, datetime.strptime(text, '%z').utcoffset())
    except ValueError as error:
        print(text, 'ValueError', error)
aware = datetime.strptime('2024-01-01T12:00:00-05:00', '%Y-%m-%dT%H:%M:%S%z')
print(aware, aware - datetime.strptime('2024-01-01 17:00 +0000', '%Y-%m-%d %H:%M %z'))
print(datetime.strptime('2024 UTC +0000', '%Y %Z %z').tzname(), datetime.strptime('gmt', '%Z'))
try:
    datetime.strptime('2024 +01:00', '%Y %:z')
except ValueError as error:
    print('ValueError', error)
