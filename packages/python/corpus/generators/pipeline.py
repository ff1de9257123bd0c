# Generator pipelines: each stage pulls from the previous one.
lines = ["# header", "alice,30", "", "bob,25", "# note", "carol,41"]


def non_blank(rows):
    for row in rows:
        if row.strip():
            yield row


def no_comments(rows):
    for row in rows:
        if not row.startswith("#"):
            yield row


def parse(rows):
    for row in rows:
        name, age = row.split(",")
        yield name, int(age)


def trace(label, rows):
    for row in rows:
        print(label, row)
        yield row


people = parse(trace("kept", no_comments(non_blank(lines))))
for name, age in people:
    print(f"{name} is {age}")
print(sum(age for _, age in parse(no_comments(non_blank(lines)))))
