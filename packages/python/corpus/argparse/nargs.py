# nargs: N, '?', '*', '+', REMAINDER, and how positionals share the strings.
import argparse
parser = argparse.ArgumentParser(prog="nargs")
parser.add_argument("first")
parser.add_argument("middle", nargs="*")
parser.add_argument("last", nargs=2)
parser.add_argument("--pair", nargs=2, type=int)
parser.add_argument("--maybe", nargs="?", const="CONST", default="DEFAULT")
parser.add_argument("--some", nargs="+")
for argv in (["a", "b", "c"], ["a", "b", "c", "d", "e"], ["a", "b", "c", "--pair", "1", "2"],
             ["--maybe", "m", "a", "b", "c"], ["a", "b", "c", "--maybe"], ["--maybe=x", "a", "b", "c"],
             ["a", "--some", "s1", "s2", "--", "b", "c"]):
    print(argv, parser.parse_args(argv))
runner = argparse.ArgumentParser(prog="run")
runner.add_argument("--timeout", type=int, default=5)
runner.add_argument("command")
runner.add_argument("args", nargs=argparse.REMAINDER)
print(runner.parse_args(["--timeout", "3", "ls", "-la", "--timeout", "9"]))
optional = argparse.ArgumentParser(prog="opt")
optional.add_argument("name", nargs="?", default="world")
optional.add_argument("rest", nargs="*", default=["none"])
print(optional.parse_args([]), optional.parse_args(["ada", "x", "y"]))
for bad in ({"nargs": 0}, {"nargs": "x"}, {"nargs": 2, "metavar": ("A",)}, {"const": 1}):
    try:
        argparse.ArgumentParser().add_argument("--bad", **bad)
    except ValueError as error:
        print("ValueError", error)
