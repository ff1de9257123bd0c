# Python Tutor style: dictionaries, string formatting, sorting with keys
grades = {
    "alice": [90, 85, 77],
    "bob": [62, 70, 58],
    "carol": [88, 95, 100],
    "dave": [],
}


def average(scores):
    try:
        return sum(scores) / len(scores)
    except ZeroDivisionError:
        return None


def letter(avg):
    if avg is None:
        return "-"
    for cutoff, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= cutoff:
            return grade
    return "F"


report = {}
for name, scores in grades.items():
    avg = average(scores)
    report[name] = (avg, letter(avg))

print(f"{'Name':<8}{'Average':>10}{'Grade':>7}")
for name, (avg, grade) in sorted(report.items(), key=lambda kv: (kv[1][0] is None, -(kv[1][0] or 0))):
    shown = f"{avg:.2f}" if avg is not None else "n/a"
    print(f"{name.title():<8}{shown:>10}{grade:>7}")

by_grade = {}
for name, (_, grade) in report.items():
    by_grade.setdefault(grade, []).append(name)
print(by_grade)
best = max((n for n in report if report[n][0] is not None), key=lambda n: report[n][0])
print("best:", best, "| passing:", [n for n, (a, g) in report.items() if g in "ABC" and g != "-"])
words = "the cat and the hat and the bat".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda item: (-item[1], item[0])))
