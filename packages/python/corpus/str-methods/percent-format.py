# printf-style str % args: every conversion, flags, width and precision, %(key)s from a mapping.
print("%-6s|%6.2f|%x|%o|%e" % ("ab", 3.14159, 255, 8, 12345.678))
print("%(name)s is %(age)d, %(age)05d" % {"name": "Ada", "age": 36})
print("%+d % d %05.1f %-5d| %c%c %.2s %X %%" % (5, 7, -2.345, 3, 65, "z", "hello", 255))
print("%s" % [1, 2], "%s" % (1,), "%r" % "x", "%s" % {"k": 1})
for bad in [lambda: "%d %d" % (1,), lambda: "%d" % (1, 2), lambda: "%(a)s" % (1,), lambda: "%o" % 1.5, lambda: "%c" % "ab"]:
    try:
        print(bad())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
