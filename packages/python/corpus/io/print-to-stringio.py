# print(..., file=StringIO) builds a report in memory; writelines and with-blocks
import io
report = io.StringIO()
for name, score in [('ann', 91), ('bo', 78), ('cy', 85)]:
    print(f'{name:<5}{score:>4}', file=report)
print('total', 91 + 78 + 85, sep=': ', file=report)
print(report.getvalue(), end='')
lines = io.StringIO()
lines.writelines(['a\n', 'b\n', 'c'])
print(repr(lines.getvalue()))
with io.StringIO() as scratch:
    scratch.write('temporary')
    print(scratch.getvalue(), scratch.closed)
print(scratch.closed)
