"""Text justification: greedy line filling compared with textwrap, and full justification.

>>> justify("a bb ccc", 5)
['a  bb', 'ccc  ']
>>> greedy_lines("one two three", 7) == textwrap.wrap("one two three", 7)
True
"""
import textwrap


def greedy_lines(text, width):
    lines, current = [], ""
    for word in text.split():
        candidate = word if not current else current + " " + word
        if len(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def justify(text, width):
    lines = []
    for line in greedy_lines(text, width):
        words = line.split()
        if len(words) == 1 or line is greedy_lines(text, width)[-1]:
            lines.append(line.ljust(width))
            continue
        gaps = len(words) - 1
        spaces = width - sum(len(word) for word in words)
        out = ""
        for index, word in enumerate(words[:-1]):
            out += word + " " * (spaces // gaps + (1 if index < spaces % gaps else 0))
        lines.append(out + words[-1])
    lines[-1] = " ".join(lines[-1].split()).ljust(width)
    return lines


TEXT = (
    "Memory management in CPython combines reference counting, which frees most objects as "
    "soon as the last reference goes, with a cyclic garbage collector that finds groups of "
    "objects referring only to each other. Small objects come from pymalloc's pools."
)

if __name__ == "__main__":
    import doctest

    print(doctest.testmod().failed)
    for width in (24, 40, 60):
        ours = greedy_lines(TEXT, width)
        theirs = textwrap.wrap(TEXT, width)
        print(f"width {width}: {len(ours)} lines, same as textwrap: {ours == theirs}")
    for line in justify(TEXT, 40):
        print("|" + line + "|")
    print(textwrap.shorten(TEXT, 50))
    print(textwrap.indent(textwrap.fill(TEXT, 50), "  > "))
