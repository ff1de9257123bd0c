# csv over real files opened with newline='': writing, reading back, DictWriter/DictReader.
import csv

with open('people.csv', 'w', newline='') as handle:
    writer = csv.writer(handle)
    writer.writerow(['name', 'note'])
    writer.writerows([['ann', 'likes "tea"'], ['bob', 'two\nlines'], ['cy', '']])
with open('people.csv', 'rb') as handle:
    print(handle.read())
with open('people.csv', newline='') as handle:
    reader = csv.reader(handle)
    for row in reader:
        print(reader.line_num, row)
with open('people.csv', newline='') as handle:
    print([row['note'] for row in csv.DictReader(handle)])

with open('table.tsv', 'w', newline='') as handle:
    writer = csv.DictWriter(handle, ['x', 'y'], dialect='excel-tab')
    writer.writeheader()
    writer.writerow({'x': 1, 'y': 2.5})
with open('table.tsv', newline='') as handle:
    print(list(csv.DictReader(handle, dialect='excel-tab')))
# Without newline='' the text layer turns \r\n into \n first; rows still parse.
with open('people.csv') as handle:
    print(len(list(csv.reader(handle))))
with open('people.csv', 'rb') as handle:
    try:
        next(csv.reader(handle))
    except csv.Error as error:
        print('Error:', error)
