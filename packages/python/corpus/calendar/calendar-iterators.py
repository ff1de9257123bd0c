# Calendar's iterators and matrices, with different first weekdays.
import calendar

c = calendar.Calendar()
print(c.getfirstweekday(), list(c.iterweekdays()))
print(list(c.itermonthdays(2024, 2)))
print(list(c.itermonthdays2(2024, 2))[:9])
print(list(c.itermonthdays3(2024, 3))[:6])
print(list(c.itermonthdays4(2024, 3))[-3:])
print(list(c.itermonthdates(2024, 9))[:2], len(list(c.itermonthdates(2024, 9))))
print(c.monthdayscalendar(2026, 2))
s = calendar.Calendar(firstweekday=6)
print(list(s.iterweekdays()), s.monthdayscalendar(2024, 6))
print(s.monthdays2calendar(2024, 6)[0])
w = calendar.Calendar(9)
print(w.firstweekday, w._firstweekday, list(w.iterweekdays()))
w.firstweekday = 3
print(w.monthdayscalendar(2021, 2))
print([len(row) for row in c.yeardayscalendar(2024)], len(c.yeardayscalendar(2024, 4)))
print(c.yeardays2calendar(2024, 2)[0][1][0])
print(c.yeardatescalendar(2024, 12)[0][11][-1][-1])
print(list(c.itermonthdays3(1, 1))[:2], list(c.itermonthdays3(9999, 12))[-2:])
print(calendar.monthcalendar(2024, 1))
