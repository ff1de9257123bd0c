# Errors go to stderr as usage plus 'prog: error: ...' and exit 2; exit_on_error=False raises.
import argparse, contextlib, io
parser = argparse.ArgumentParser(prog="errs")
parser.add_argument("path")
parser.add_argument("--count", type=int, required=True)
parser.add_argument("--verbose", action="store_true")
parser.add_argument("--verbatim", action="store_true")
for argv in ([], ["p"], ["p", "--count"], ["p", "--count", "1", "extra"],
             ["p", "--count", "1", "--verb"], ["p", "--count", "1", "--verbose=yes"],
             ["p", "--count", "1", "--unknown"]):
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            parser.parse_args(argv)
    except SystemExit as exit:
        print(argv, "exit", exit.code)
        print(captured.getvalue(), end="")
quiet = argparse.ArgumentParser(prog="quiet", exit_on_error=False)
quiet.add_argument("--n", type=int)
for argv in (["--n", "x"], ["--m"]):
    try:
        quiet.parse_args(argv)
    except argparse.ArgumentError as error:
        print(type(error).__name__, error, "|", error.argument_name, "|", error.message)
try:
    parser.add_argument("--count")
except argparse.ArgumentError as error:
    print("ArgumentError", error)
parser.parse_args(["only-path"])
