# time.strftime: glibc's directives in the C locale, flags, widths, and the unknown ones
import time
t = (999, 1, 5, 7, 8, 9, 0, 5, 0)
for directives in ['%Y|%C|%G|%y|%e|%-d|%_d|%^a|%#b', '%Q|%k|%l|%P|%F|%c', '%x|%X|%D|%r|%u|%V|%U|%W|%j|%h',
                   '%n|%t|%E|%O|%5d|%']:
    print(repr(time.strftime(directives, t)))
print(repr(time.strftime('%Y', (12, 1, 1, 0, 0, 0, 0, 1, 0))))
print(repr(time.strftime('%10a|%-5d|%3Y|%_H|%A %B %p', (2024, 12, 31, 15, 5, 0, 1, 366, 0))))
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0),
            (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 0, -2, 1, 0), (1, 2), [1] * 9]:
    try:
        time.strftime('%Y', bad)
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
print(time.strftime('%a %d', (2024, 0, 0, 0, 0, 0, -1, 0, 0)))
