# Positionals and options from a given list: types, defaults, store_true, Namespace.
import argparse
parser = argparse.ArgumentParser(prog="copy")
parser.add_argument("source")
parser.add_argument("destination", nargs="?", default="out.txt")
parser.add_argument("-n", "--count", type=int, default=1)
parser.add_argument("--ratio", type=float)
parser.add_argument("-q", "--quiet", action="store_true")
parser.add_argument("--no-cache", dest="cache", action="store_false")
for argv in (["a.txt"], ["a.txt", "b.txt", "-n", "3"], ["--count=7", "x", "--ratio", "0.5"],
             ["-n5", "-q", "x", "y"], ["--quiet", "--no-cache", "--", "-dash-file"],
             ["--cou", "2", "x"], ["x", "-n", "-3"]):
    args = parser.parse_args(argv)
    print(argv, "->", args)
args = parser.parse_args(["in"])
print(args.source, args.destination, args.count, args.quiet, args.cache)
print(vars(args))
print(args == argparse.Namespace(source="in", destination="out.txt", count=1, ratio=None,
                                 quiet=False, cache=True))
print("source" in args, "missing" in args, argparse.Namespace(b=1, a=2))
known, rest = parser.parse_known_args(["x", "--other", "-z", "y"])
print(known, rest)
print(parser.get_default("count"), parser.get_default("nothing"))
parser.set_defaults(count=10, extra="yes")
print(parser.parse_args(["x"]))
