# datetime.strptime and time.strptime on the common directives.
from datetime import datetime
import time

cases = [
    ('2024-03-05 14:07:09', '%Y-%m-%d %H:%M:%S'),
    ('05/03/24', '%d/%m/%y'), ('1/2/69', '%m/%d/%y'), ('12/31/68', '%x'),
    ('Tue Mar  5 10:20:30 2024', '%c'), ('23:59:60', '%X'),
    ('march 5 2024', '%B %d %Y'), ('SEP 1 1999', '%b %d %Y'), ('Friday 2024 7', '%A %Y %j'),
    ('2024.123456', '%Y.%f'), ('2024 7', '%Y %f'), ('12 AM 2020', '%I %p %Y'),
    ('12 pm 2020', '%I %p %Y'), ('3 PM 2020', '%I %p %Y'), ('2020 100', '%Y %j'),
    ('2024 00 1', '%Y %W %w'), ('2024 10 0', '%Y %U %w'), ('2021 01 7', '%Y %W %u'),
    ('2020-W53-5', '%G-W%V-%u'), ('2019 01 mon', '%G %V %a'),
    ('2024   3    5', '%Y %m %d'), ('100% 2024', '100%% %Y'), ('[2024]', '[%Y]'),
    ('2024-03-05T10:00:00+0530', '%Y-%m-%dT%H:%M:%S%z'),
    ('2024 -08:00', '%Y %:z'), ('2024 +01:02:03.5', '%Y %z'), ('2024 Z', '%Y %z'),
    ('2024 UTC', '%Y %Z'), ('2024 +0100 GMT', '%Y %z %Z'),
]
for text, format in cases:
    print(repr(datetime.strptime(text, format)))
t = time.strptime('Tue Mar  5 10:20:30 2024')
print(t, t.tm_zone, t.tm_gmtoff)
t = time.strptime('2024-02-29 +0200', '%Y-%m-%d %z')
print(t.tm_yday, t.tm_wday, t.tm_isdst, t.tm_gmtoff, t.tm_zone)
print(time.strptime('1999', '%Y')[:], time.strptime('UTC 2000', '%Z %Y').tm_isdst)
class Stamp(datetime):
    pass
print(repr(Stamp.strptime('2000', '%Y')))
