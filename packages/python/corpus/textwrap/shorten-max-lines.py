# max_lines ends the last line with a placeholder; shorten collapses whitespace first.
import textwrap

text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."
for lines in (1, 2, 3):
    print(textwrap.wrap(text, 20, max_lines=lines))
print(textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
print(textwrap.shorten(text, 30))
print(textwrap.shorten("  Hello    world!  ", 12), textwrap.shorten("Hello world", 11))
print(textwrap.shorten(text, 25, placeholder=" (more)"))
try:
    textwrap.shorten(text, 4)
except ValueError as error:
    print(error)
wrapper = textwrap.TextWrapper(width=15, max_lines=2, initial_indent="> ")
print(wrapper.wrap(text), wrapper.fill("short"))
