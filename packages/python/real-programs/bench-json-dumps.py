"""Benchmark json.dumps() and json.loads() on small nested data (pyperformance style)."""

import json

EMPTY = ({}, 2000)
SIMPLE_DATA = {'key1': 0, 'key2': True, 'key3': 'value', 'key4': 'foo',
               'key5': 'string'}
SIMPLE = (SIMPLE_DATA, 100)
NESTED_DATA = {'key1': 0, 'key2': SIMPLE[0], 'key3': 'value', 'key4': SIMPLE[0],
               'key5': SIMPLE[0], 'key': '\u0105\u0107\u017c'}
NESTED = (NESTED_DATA, 100)
HUGE = ([NESTED[0]] * 100, 1)

cases = ['EMPTY', 'SIMPLE', 'NESTED', 'HUGE']


def bench_json_dumps(data):
    total = 0
    for obj, count_it in data:
        for _ in count_it:
            total += len(json.dumps(obj))
    return total


def main():
    data = []
    for case in cases:
        obj, count = globals()[case]
        data.append((obj, range(count // 10)))
    print(bench_json_dumps(data))
    print(json.dumps(NESTED_DATA, sort_keys=True))
    print(json.dumps(NESTED_DATA, indent=2, ensure_ascii=False)[:80])
    round_trip = json.loads(json.dumps(HUGE[0]))
    print(round_trip == HUGE[0], len(round_trip))


if __name__ == "__main__":
    main()
