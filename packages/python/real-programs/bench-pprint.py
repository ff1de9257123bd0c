"""pprint on a nested document at a few widths (a pyperformance-style workload, small sizes)."""
import dataclasses
import pprint


@dataclasses.dataclass
class Record:
    ident: int
    name: str
    tags: list
    scores: dict


def build(count):
    records = []
    for ident in range(count):
        tags = ["tag%d" % (ident * tag % 7) for tag in range(ident % 5)]
        scores = {"s%d" % key: (ident * 31 + key * 17) % 101 for key in range(ident % 4 + 1)}
        records.append(Record(ident, "record number %d" % ident, tags, scores))
    return {"records": records, "index": {record.name: record.ident for record in records}}


def main():
    document = build(40)
    total = 0
    for width in (40, 80, 120):
        text = pprint.pformat(document, width=width)
        total += len(text)
        print(width, len(text.splitlines()), len(text))
    print(pprint.pformat(document["records"][:3], width=50))
    print(pprint.pformat(document, depth=2, width=60)[:300])
    print("total", total, pprint.isreadable(document), pprint.isrecursive(document))


if __name__ == "__main__":
    main()
