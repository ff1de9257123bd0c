# Long strings split at word boundaries into adjacent literals, inside parentheses at top level.
import pprint

text = ("The quick brown fox jumps over the lazy dog. " * 3).strip()
pprint.pprint(text, width=40)
pprint.pprint({"description": text}, width=50)
pprint.pprint([text, "short"], width=30)
poem = "first line of the poem\nsecond, somewhat longer line of the poem\n\nlast line"
pprint.pprint(poem, width=25)
pprint.pprint(["x" * 60], width=20)
pprint.pprint("", width=1)
pprint.pprint("tabs\tand 'quotes' and \"double quotes\" together here", width=20)
