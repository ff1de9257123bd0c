# csv.reader options: quoting modes, escapechar, doublequote, strict, quotechar=None.
import csv

def show(lines, **options):
    try:
        print(list(csv.reader(lines, **options)))
    except (csv.Error, ValueError) as error:
        print(type(error).__name__, error)

show(['"a",,"",1,2.5'], quoting=csv.QUOTE_NONNUMERIC)
show(['"a",b'], quoting=csv.QUOTE_NONNUMERIC)
show(['a,,"",1'], quoting=csv.QUOTE_NOTNULL)
show(['"a",,"",1,"2"'], quoting=csv.QUOTE_STRINGS)
show(['a,1'], quoting=csv.QUOTE_STRINGS)
show(['a"b,"c"d"'], quoting=csv.QUOTE_NONE)
show(['a\\,b,c\\"d,"e\\"f"'], escapechar='\\')
show(['ends with\\', 'next line'], escapechar='\\')
show(['a\\\n', 'b'], escapechar='\\')
show(['"x\\\n', 'y"'], escapechar='\\')
show(['"a""b","c"d"'], doublequote=False)
show(["'a,b',c"], quotechar="'")
show(['"a,b",c'], quotechar=None)
show(['"a"b,c'], strict=True)
show(['"never closed'], strict=True)
show(['"a"|b'], strict=True, delimiter='|')
show(['a\rb'])
show(['a\nb'])
show(['a,b\n', 'c\r\n', '\n', '\r\n', 'd'])
show([1, 2])
show([b'a,b'])
