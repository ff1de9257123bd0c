# Every built-in action and what it stores.
import argparse
parser = argparse.ArgumentParser(prog="acts")
parser.add_argument("--mode", action="store_const", const="fast", default="slow")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("-I", "--include", action="append")
parser.add_argument("--int", dest="types", action="append_const", const=int)
parser.add_argument("--str", dest="types", action="append_const", const=str)
parser.add_argument("--tags", action="extend", nargs="+")
parser.add_argument("--color", action=argparse.BooleanOptionalAction, default=True)
parser.add_argument("--debug", action=argparse.BooleanOptionalAction)
parser.add_argument("-x", action="store_true")
parser.add_argument("-y", action="store_true")
for argv in ([], ["--mode", "-vvv", "-v"], ["-I", "a", "--include=b", "-Ic"],
             ["--int", "--str", "--int"], ["--tags", "a", "b", "--tags", "c"],
             ["--no-color", "--debug"], ["--color", "--no-debug"], ["-xy"], ["-yvx"]):
    print(argv, parser.parse_args(argv))
class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper() + " via " + option_string)
custom = argparse.ArgumentParser(prog="custom")
custom.add_argument("--name", "-N", action=Upper)
print(custom.parse_args(["-N", "ada"]), custom.parse_args([]))
action = custom._actions[-1]
print(type(action).__name__, action.option_strings, action.dest, action.nargs)
print(repr(parser._actions[2]))
