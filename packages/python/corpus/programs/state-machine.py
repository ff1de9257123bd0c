# A traffic-light state machine: class attributes as states, match on events, a with-block logger.
class Logger:
    def __init__(self):
        self.lines = []

    def __enter__(self):
        self.lines.append("start")
        return self

    def __exit__(self, kind, value, traceback):
        self.lines.append(f"end ({kind.__name__ if kind else 'ok'})")
        return kind is KeyError


class Light:
    TRANSITIONS = {"red": "green", "green": "yellow", "yellow": "red"}

    def __init__(self):
        self.state = "red"

    def handle(self, event):
        match event:
            case "tick":
                self.state = self.TRANSITIONS[self.state]
            case ("set", state) if state in self.TRANSITIONS:
                self.state = state
            case ("set", state):
                raise KeyError(state)
            case {"emergency": True}:
                self.state = "red"
            case _:
                raise ValueError(f"unknown event {event!r}")
        return self.state


light = Light()
with Logger() as log:
    for event in ["tick", "tick", ("set", "green"), {"emergency": True}, "tick", ("set", "blue"), "tick"]:
        log.lines.append(light.handle(event))
print(log.lines)
try:
    light.handle(42)
except ValueError as error:
    print(error)
