# A Python 2 print statement in the script itself: the whole file fails to compile.
name = "world"
print "hello", name
