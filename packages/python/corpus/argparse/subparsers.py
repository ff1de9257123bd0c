# Subcommands: dest, aliases, per-command arguments and defaults, help at each level.
import argparse, os
os.environ["COLUMNS"] = "80"
parser = argparse.ArgumentParser(prog="git-lite")
parser.add_argument("--git-dir", default=".git")
commands = parser.add_subparsers(dest="command", title="commands", description="Pick one.",
                                 help="what to do")
commit = commands.add_parser("commit", aliases=["ci"], help="record changes")
commit.add_argument("-m", "--message", required=True)
commit.add_argument("--amend", action="store_true")
commit.set_defaults(handler="do_commit")
log = commands.add_parser("log", help="show history")
log.add_argument("-n", type=int, default=10)
log.set_defaults(handler="do_log")
commands.add_parser("status")
print(parser.parse_args(["commit", "-m", "first"]))
print(parser.parse_args(["--git-dir", "x", "ci", "--amend", "-m", "again"]))
print(parser.parse_args(["log", "-n", "3"]))
print(parser.parse_args(["status"]), parser.parse_args([]))
print(parser.parse_known_args(["log", "--stat"]))
parser.print_help()
commit.print_help()
print(commit.prog, log.prog, commit.format_usage(), end="")
try:
    commands.add_parser("log")
except argparse.ArgumentError as error:
    print("ArgumentError", error)
