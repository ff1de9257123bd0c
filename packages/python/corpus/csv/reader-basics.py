# csv.reader: quoted fields, doubled quotes, embedded newlines, blank lines and line_num.
import csv
import io

text = 'name,age,city\r\n"Smith, J",42,"New\nYork"\r\n\r\n"say ""hi""",7,\r\nlast,1,x'
rows = csv.reader(io.StringIO(text, newline=''))
for row in rows:
    print(rows.line_num, row)

# A list of lines works as well as a file; a line need not end with a newline.
print(list(csv.reader(['a,b', 'c,,d', ',', ''])))
# Unterminated quote at end of data: the field is kept (not strict).
print(list(csv.reader(['"open field', 'continues'])))
# Quotes inside an unquoted field are ordinary characters.
print(list(csv.reader(['a"b"c,d'])))
# A character after a closing quote joins the field when not strict.
print(list(csv.reader(['"ab"cd,e'])))
# Tabs and other delimiters.
print(list(csv.reader(['x\ty\t"z\tw"'], delimiter='\t')))
print(list(csv.reader(['1;2;3'], delimiter=';')))
# skipinitialspace drops spaces before a field, quoted or not.
print(list(csv.reader(['a, b,  "c, d" ,  e'], skipinitialspace=True)))
print(list(csv.reader(['a, b,  "c, d"'])))
# NUL characters are ordinary in 3.13.
print(list(csv.reader(['a\0b,c'])))
r = csv.reader([])
print(r.line_num, r.dialect.delimiter, type(r).__name__, type(r).__module__)
print(list(r))
