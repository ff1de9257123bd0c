# An uncaught SyntaxError from exec prints the File/source/caret block before its message
print("before")
exec("value = (1 +* 2)")
