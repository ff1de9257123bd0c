# Members as value patterns in match, and Flag tests inside a match guard.
from enum import Enum, Flag, auto


class Light(Enum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


class Opt(Flag):
    BOLD = auto()
    ITALIC = auto()


def action(light):
    match light:
        case Light.RED:
            return "stop"
        case Light.AMBER | Light.GREEN:
            return "careful" if light is Light.AMBER else "go"
    return "?"


print([action(light) for light in Light], action("red"))
for options in (Opt.BOLD, Opt.BOLD | Opt.ITALIC, Opt(0)):
    match options:
        case Opt.BOLD:
            print("bold only")
        case value if Opt.ITALIC in value:
            print("has italic", value)
        case _:
            print("plain", options)
