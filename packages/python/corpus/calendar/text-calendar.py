# TextCalendar: month and year layouts, widths, line spacing and columns.
import calendar

print(calendar.month(2024, 2))
print(calendar.month(2024, 9, w=4, l=2))
calendar.prmonth(1999, 12)
t = calendar.TextCalendar(calendar.SUNDAY)
print(t.formatmonth(2025, 8, 3))
print(repr(t.formatweek([(1, 6), (2, 0), (0, 1)], 3)), repr(t.formatday(7, 0, 4)))
print(repr(t.formatweekday(2, 9)), repr(t.formatweekday(2, 2)), repr(t.formatmonthname(2024, 5, 20)))
print(repr(t.formatmonthname(2024, 5, 20, withyear=False)))
t.prweek([(1, 0), (2, 1)], 2)
print()
print(calendar.week([(5, 0), (6, 1)], 3) + '|')
print(calendar.formatstring(['a', 'b', 'c'], 5, 2) + '|')
calendar.format(['x', 'y'], 3, 1)
