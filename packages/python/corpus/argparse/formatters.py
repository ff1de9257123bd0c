# Formatter classes: raw description and text, defaults in help, metavar from the type.
import argparse, os
os.environ["COLUMNS"] = "80"
description = """First line kept.
    Indented line kept too.

Second paragraph."""
for formatter in (argparse.HelpFormatter, argparse.RawDescriptionHelpFormatter,
                  argparse.RawTextHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    parser = argparse.ArgumentParser(prog=formatter.__name__, description=description,
                                     formatter_class=formatter, add_help=False)
    parser.add_argument("--size", type=int, default=3, help="the size\n  in units")
    parser.add_argument("--name", help="no default shown when None")
    parser.add_argument("files", nargs="*", default=["a"], help="inputs")
    print(parser.format_help())
typed = argparse.ArgumentParser(prog="typed", formatter_class=argparse.MetavarTypeHelpFormatter)
typed.add_argument("--ratio", type=float)
typed.add_argument("count", type=int)
typed.print_help()
narrow = argparse.ArgumentParser(prog="narrow", formatter_class=lambda prog: argparse.HelpFormatter(prog, width=40, max_help_position=10))
narrow.add_argument("--option", help="a help text long enough to wrap over a few lines")
narrow.print_help()
