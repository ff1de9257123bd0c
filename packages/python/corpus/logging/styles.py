# The three format styles, Formatter defaults, validation errors and missing fields.
import logging, sys
record = logging.makeLogRecord({"name": "demo", "levelno": 20, "levelname": "INFO",
                                "msg": "hello %s", "args": ("world",), "user": "ann"})
for fmt, style in (("%(levelname)s:%(name)s:%(message)s", "%"),
                   ("%(levelname)-7s[%(user)s] %(message)r", "%"),
                   ("{levelname}:{name}:{message}", "{"),
                   ("{levelname:>8}|{user!r}|{message}", "{"),
                   ("$levelname:${name}:$message $$", "$")):
    print(logging.Formatter(fmt, style=style).format(record))
with_defaults = logging.Formatter("%(message)s [%(ip)s]", defaults={"ip": "0.0.0.0"})
print(with_defaults.format(record))
print(logging.Formatter().format(record), logging.Formatter()._fmt)
print(logging.Formatter(style="{")._fmt, logging.Formatter(style="$")._fmt)
for fmt, style in (("no fields", "%"), ("no fields", "{"), ("no fields", "$"), ("x", "?")):
    try:
        logging.Formatter(fmt, style=style)
    except ValueError as error:
        print("ValueError", error)
try:
    logging.Formatter("%(missing)s").format(record)
except ValueError as error:
    print("ValueError", error)
print(logging.Formatter("%(asctime)s").usesTime(), logging.Formatter("{message}", style="{").usesTime())
print(logging.BASIC_FORMAT)
