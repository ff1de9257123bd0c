# Argument groups and mutually exclusive groups in help, usage and parsing.
import argparse, contextlib, io, os
os.environ["COLUMNS"] = "80"
parser = argparse.ArgumentParser(prog="net", description="Network tool.")
server = parser.add_argument_group("server", "Where to connect.")
server.add_argument("--host", default="localhost", help="server name")
server.add_argument("--port", type=int, default=80, help="server port")
output = parser.add_mutually_exclusive_group()
output.add_argument("--json", action="store_true", help="JSON output")
output.add_argument("--text", action="store_true", help="plain output")
direction = parser.add_mutually_exclusive_group(required=True)
direction.add_argument("--upload", metavar="FILE")
direction.add_argument("--download", metavar="FILE")
parser.add_argument("target", nargs="?")
parser.print_help()
print(parser.parse_args(["--upload", "a.txt", "--json"]))
print(parser.parse_args(["--download", "b", "--port", "8080", "t"]))
for argv in (["--json"], ["--upload", "a", "--download", "b"], ["--upload", "a", "--json", "--text"]):
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            parser.parse_args(argv)
    except SystemExit as exit:
        print(argv, exit.code, captured.getvalue().splitlines()[-1])
try:
    direction.add_argument("--both", required=True)
except ValueError as error:
    print("ValueError", error)
