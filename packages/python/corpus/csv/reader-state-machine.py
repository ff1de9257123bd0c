# The reader's state machine on generated input: texts from a small alphabet of delimiters,
# quotes, escapes, spaces, \r and \n, read with several dialects (doublequote, escapechar,
# skipinitialspace, strict, every quoting mode), one line at a time and as a whole; rows or the
# csv.Error / ValueError are printed (pymem parses each line natively).
import csv
import random

rng = random.Random(12)
alphabet = ['a', 'b', '1', '2.5', ',', ';', '"', "'", '\\', ' ', '\r', '\n', '\r\n', '""']
dialects = [
    {},
    {"doublequote": False, "escapechar": "\\"},
    {"escapechar": "\\"},
    {"skipinitialspace": True},
    {"strict": True},
    {"strict": True, "escapechar": "\\"},
    {"delimiter": ";", "quotechar": "'"},
    {"quoting": csv.QUOTE_NONE, "escapechar": "\\"},
    {"quoting": csv.QUOTE_NONNUMERIC},
    {"quoting": csv.QUOTE_STRINGS},
    {"quoting": csv.QUOTE_NOTNULL},
    {"quoting": csv.QUOTE_ALL},
]


def read(lines, options):
    out = []
    reader = csv.reader(lines, **options)
    try:
        for row in reader:
            out.append(row)
    except (csv.Error, ValueError) as error:
        out.append(type(error).__name__ + ": " + str(error))
    return out, reader.line_num


for case in range(150):
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
    options = dialects[case % len(dialects)]
    print(case, repr(text), options)
    print("  lines:", *read(text.splitlines(keepends=True), options))
    print("  whole:", *read([text], options))

# A field past the size limit, in and out of quotes.
old = csv.field_size_limit(5)
for text in ['abcdef', '"abcdef"', 'ab,"cd\\ne"', 'abcde']:
    print(repr(text), read([text], {}), read(text.splitlines(keepends=True), {"escapechar": "\\"}))
csv.field_size_limit(old)
