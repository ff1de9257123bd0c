# A text-adventure command parser: sequence patterns, star captures, or-patterns with as, guards.
def run(command):
    match command.split():
        case []:
            return "empty"
        case ["go", direction] if direction in ("north", "south"):
            return f"going {direction}"
        case ["go", direction]:
            return f"cannot go {direction}"
        case ["pick", "up", *items] if items:
            return f"picked {', '.join(items)}"
        case ["drop", *_, last]:
            return f"dropped ending with {last}"
        case ["quit" | "exit" as word]:
            return f"bye ({word})"
        case [single]:
            return f"unknown {single!r}"
        case _:
            return "too complex"


for line in ["", "go north", "go west", "pick up sword shield", "pick up", "drop a b c",
             "quit", "exit", "look", "a b c d e"]:
    print(repr(line), "->", run(line))
