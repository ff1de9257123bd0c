"""A settings loader and report, the way small command-line tools print their configuration.

Defaults live in a SimpleNamespace, levels in an IntEnum, output formats in a StrEnum; the
merged settings are pretty-printed with pprint and the help text is wrapped with textwrap.
"""
import enum
import json
import pprint
import textwrap
import types


class Level(enum.IntEnum):
    DEBUG = 10
    INFO = 20
    WARNING = 30
    ERROR = 40


class Output(enum.StrEnum):
    TEXT = enum.auto()
    JSON = enum.auto()


DEFAULTS = types.SimpleNamespace(
    level=Level.INFO,
    output=Output.TEXT,
    paths=["/etc/tool.conf", "~/.config/tool.conf", "./tool.conf"],
    retries=3,
    plugins={"cache": {"size": 128, "ttl": 3600}, "metrics": {"enabled": False}},
)

HELP = """
    Settings are read from each path in turn; later files override earlier ones.
    Levels below the configured level are not logged. The output format decides
    whether the report is plain text or JSON, which other tools can read back.
"""


def merge(base, overrides):
    merged = types.SimpleNamespace(**vars(base))
    for key, value in overrides.items():
        if key == "level":
            value = Level[value.upper()]
        elif key == "output":
            value = Output(value)
        setattr(merged, key, value)
    return merged


def report(settings):
    print(textwrap.fill(textwrap.dedent(HELP).strip(), width=60, initial_indent="  "))
    print()
    if settings.output is Output.JSON:
        print(json.dumps(vars(settings), sort_keys=True, indent=2))
    else:
        pprint.pprint(vars(settings), width=60)
    enabled = [level.name for level in Level if level >= settings.level]
    print("logging:", ", ".join(enabled), "(%d levels, threshold %d)" % (len(enabled), settings.level))


if __name__ == "__main__":
    report(DEFAULTS)
    print("-" * 60)
    custom = merge(DEFAULTS, {"level": "warning", "output": "json", "retries": 5})
    report(custom)
    print(custom.level > Level.INFO, isinstance(custom.level, int), custom.output == "json")
    pprint.pp(custom, width=50)
