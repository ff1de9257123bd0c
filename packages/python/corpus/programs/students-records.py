# Student records: tuples unpacking, nested dicts, sorting by several keys, f-string formatting and statistics by hand.
records = [
    ("alice", "math", 91), ("bob", "math", 78), ("alice", "physics", 85),
    ("carol", "math", 85), ("bob", "physics", 92), ("carol", "physics", 70),
]

by_student = {}
for name, subject, score in records:
    by_student.setdefault(name, {})[subject] = score

averages = {name: sum(s.values()) / len(s) for name, s in by_student.items()}
ranking = sorted(averages.items(), key=lambda kv: (-kv[1], kv[0]))
for place, (name, avg) in enumerate(ranking, start=1):
    print(f"{place}. {name:<6} {avg:6.2f} {'*' * int(avg // 10)}")

subjects = sorted({subject for _, subject, _ in records})
for subject in subjects:
    scores = [score for _, s, score in records if s == subject]
    mean = sum(scores) / len(scores)
    variance = sum((x - mean) ** 2 for x in scores) / len(scores)
    print(f"{subject:>8}: mean={mean:.1f} sd={variance ** 0.5:.2f} best={max(scores)}")

best, *_, worst = sorted(records, key=lambda r: r[2], reverse=True)
print(best, worst)
print(dict(zip(["first", "second"], ranking)), list(map(lambda r: r[0][0].upper(), records)))
