# wrap and fill break at spaces and after hyphens, and split words longer than the width.
import textwrap

text = ("The state-of-the-art e-mail client -- well, mostly -- handles "
        "supercalifragilisticexpialidocious attachments\tand line\nbreaks.")
for width in (10, 18, 30):
    print(textwrap.wrap(text, width))
print(textwrap.wrap(text, 18, break_on_hyphens=False))
print(textwrap.wrap(text, 12, break_long_words=False))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("  leading and trailing  ", 10), textwrap.wrap("", 10))
print(textwrap.wrap("  keep  spaces  ", 6, drop_whitespace=False))
print(textwrap.fill("One sentence. Another one! A third? Yes.", 18, fix_sentence_endings=True))
try:
    textwrap.wrap("text", 0)
except ValueError as error:
    print(error)
