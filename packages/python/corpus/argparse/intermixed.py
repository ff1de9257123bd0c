# parse_intermixed_args: options between positionals; parse_known_args stops the list early.
import argparse
parser = argparse.ArgumentParser(prog="mix")
parser.add_argument("--foo")
parser.add_argument("-v", action="count", default=0)
parser.add_argument("command")
parser.add_argument("numbers", nargs="*", type=int)
print(parser.parse_intermixed_args("run 1 --foo bar 2 -v 3".split()))
print(parser.parse_known_intermixed_args("run 1 --foo bar 2 --zz 3".split()))
print(parser.parse_known_args("run 1 --foo bar 2 3".split()))
print(parser.usage)
remainder = argparse.ArgumentParser(prog="rem")
remainder.add_argument("rest", nargs=argparse.REMAINDER)
try:
    remainder.parse_intermixed_args(["a"])
except TypeError as error:
    print("TypeError", error)
parser.parse_intermixed_args(["--foo", "x"])
