# parsing CSV-like text from a StringIO and writing a summary back into another
import io
data = io.StringIO("""name,dept,salary
ann,ops,50
bo,dev,70
cy,dev,60
dee,ops,55
""")
header = data.readline().strip().split(',')
totals = {}
for line in data:
    row = dict(zip(header, line.strip().split(',')))
    totals[row['dept']] = totals.get(row['dept'], 0) + int(row['salary'])
out = io.StringIO()
for dept in sorted(totals):
    out.write(dept + '=' + str(totals[dept]) + '\n')
print(header)
print(out.getvalue(), end='')
print(len(out.getvalue()), out.tell())
