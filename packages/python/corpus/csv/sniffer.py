# csv.Sniffer: guessing the delimiter and quote character, and whether there is a header.
import csv

samples = [
    'name,age\nann,31\nbob,27\n',
    'a;b;c\n1;2;3\n4;5;6\n',
    '"x","y"\n"1","2"\n',
    "'a'|'b'\n'c'|'d'\n",
    'one two three\nfour five six\n',
    'a, b, c\n1, 2, 3\n',
    'title\tyear\nAlien\t1979\nHeat\t1995\n',
]
sniffer = csv.Sniffer()
for sample in samples:
    dialect = sniffer.sniff(sample)
    print(repr(dialect.delimiter), repr(dialect.quotechar), dialect.doublequote,
          dialect.skipinitialspace, sniffer.has_header(sample))
dialect = sniffer.sniff('a:b;c\n1:2;3\n', delimiters=';')
print(repr(dialect.delimiter), dialect._name, issubclass(dialect, csv.Dialect))
print(list(csv.reader(['1:2;3'], dialect)))
print(sniffer.preferred)
try:
    sniffer.sniff('abc\ndef\n')
except csv.Error as error:
    print('Error:', error)
