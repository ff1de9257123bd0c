# string.Template: substitution, safe_substitute, identifiers, invalid placeholders, subclasses
from string import Template
t = Template('$who likes ${what}; $$5 $who')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}, what='c'))
print(t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid(), t.template)
for bad in [lambda: t.substitute(who='x'), lambda: Template('a\n b $ c').substitute(), lambda: Template('$').substitute(), lambda: Template('${a').substitute(a=1)]:
    try: print(bad())
    except (KeyError, ValueError) as e: print(type(e).__name__, e)
print(Template('$ab $ä').safe_substitute(ab=1), Template('x $').is_valid(), Template('$ä').get_identifiers())
class Percent(Template):
    delimiter = '%'
    idpattern = '[a-z]+'
print(Percent('%name is %% %age').substitute(name='Ann', age=3), Template.pattern.flags)
class Braced(Template):
    braceidpattern = r'[^}]+'
print(Braced('${a b} $c').substitute({'a b': 1, 'c': 2}))
