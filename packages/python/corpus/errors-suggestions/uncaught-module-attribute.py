# A misspelt module attribute, uncaught: "module 'sys' has no attribute ... Did you mean ...?".
import sys
print(type(sys.maxsize).__name__)
print(sys.getrefcont([]))
