# Week-number and ISO-calendar parsing through the year boundaries.
from datetime import datetime

for year in (2019, 2020, 2021, 2024, 2026):
    for week, day in ((0, 1), (0, 6), (1, 1), (52, 5), (53, 0)):
        for fmt in ('%Y %U %w', '%Y %W %w'):
            text = '%d %02d %d' % (year, week, day)
            print(fmt, text, datetime.strptime(text, fmt).date())
for text in ['2020 53 5', '2021 01 1', '2015 53 7', '2026 01 4', '2019 52 7']:
    print(text, datetime.strptime(text, '%G %V %u').date(), datetime.strptime(text, '%G %V %u').isocalendar())
for day in range(1, 8):
    print(datetime.strptime('2024 10 %d' % day, '%G %V %u').strftime('%a %Y-%m-%d'), end=' ')
print()
print(datetime.strptime('2024 366', '%Y %j').date(), datetime.strptime('2023 1', '%Y %j').date())
try:
    datetime.strptime('2023 366', '%Y %j')
except ValueError as error:
    print('ValueError', error)
