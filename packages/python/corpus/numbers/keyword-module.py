# keyword: Python 3.13's keywords and soft keywords
import keyword
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print(keyword.iskeyword("def"), keyword.iskeyword("match"), keyword.issoftkeyword("match"))
print(keyword.iskeyword("print"), keyword.issoftkeyword("_"), keyword.__all__)
print(all(keyword.iskeyword(word) for word in keyword.kwlist), sorted(keyword.kwlist) == keyword.kwlist)
