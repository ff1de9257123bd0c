# ndiff and Differ: intraline guide lines, tabs, junk predicates, and restore.
import difflib

one = ['one\n', 'two\n', 'three\n']
two = ['ore\n', 'tree\n', 'emu\n']
diff = list(difflib.ndiff(one, two))
print(''.join(diff), end='')
print(''.join(difflib.restore(diff, 1)), end='')
print(''.join(difflib.restore(diff, 2)), end='')
text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
print(''.join(difflib.Differ().compare(text1, text2)), end='')
print(list(difflib.ndiff(['\tabcDefghiJkl\n'], ['\tabcdefGhijkl\n'])))
print(list(difflib.ndiff(['a\n', 'b\n', 'c\n'], ['x\n', 'b\n', 'y\n', 'z\n'])))
print(list(difflib.Differ(difflib.IS_LINE_JUNK).compare(['#\n', 'a\n'], ['  \n', 'a\n'])))
print(difflib.IS_LINE_JUNK('\n'), difflib.IS_LINE_JUNK('  #   \n'), difflib.IS_LINE_JUNK('hello\n'))
print(difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('\t'), difflib.IS_CHARACTER_JUNK('x'))
try:
    list(difflib.restore(diff, 3))
except ValueError as error:
    print('ValueError', error)
