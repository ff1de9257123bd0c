# A required subcommand that is missing or unknown, and errors inside a subcommand.
import argparse, contextlib, io
parser = argparse.ArgumentParser(prog="tool")
commands = parser.add_subparsers(dest="command", required=True)
build = commands.add_parser("build")
build.add_argument("target", choices=["debug", "release"])
commands.add_parser("clean")
for argv in ([], ["deploy"], ["build"], ["build", "fast"], ["build", "debug", "extra"]):
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            print(parser.parse_args(argv))
    except SystemExit as exit:
        print(argv, exit.code)
        print(captured.getvalue(), end="")
print(parser.parse_args(["build", "release"]))
parser.parse_args(["clean", "--all"])
