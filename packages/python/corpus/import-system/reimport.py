# Deleting a sys.modules entry makes the next import run the module again.
import sys
import json

first = json
json.marker = "set on the first copy"
del sys.modules["json"]
import json

print(json is first)
print(hasattr(json, "marker"), hasattr(first, "marker"))
print(json.dumps({"a": 1}), first.dumps([1, 2]))
print(sys.modules["json"] is json)
