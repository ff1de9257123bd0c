# TextCalendar.formatyear / calendar.calendar with different widths and columns.
import calendar

print(calendar.calendar(2024))
print(calendar.TextCalendar(6).formatyear(2025, w=3, l=1, c=2, m=4))
text = calendar.calendar(2023, 2, 2, 6, 6)
print(len(text), text.count('\n'))
calendar.prcal(1900, m=2)
