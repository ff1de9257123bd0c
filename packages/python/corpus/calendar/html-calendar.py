# HTMLCalendar: months, years, CSS classes and the full page.
import calendar

h = calendar.HTMLCalendar()
print(h.formatmonth(2024, 2))
print(h.formatmonth(2024, 2, withyear=False).splitlines()[1])
print(h.formatday(0, 3), h.formatday(5, 6), h.formatweekday(0))
year = h.formatyear(2024, width=4)
print(len(year), year[:200])
print(year.count('<table'), year.count('noday'))

class Custom(calendar.HTMLCalendar):
    cssclasses = ['weekday'] * 5 + ['weekend'] * 2
    cssclass_noday = 'empty'
print(Custom(6).formatweek([(0, 6), (1, 0), (6, 5)]))
page = h.formatyearpage(2024, width=2, css=None)
print(type(page).__name__, page[:120])
print(page.splitlines()[-3:])
print(h.formatyearpage(2024, encoding='ascii').splitlines()[4])
