# --help prints the formatted help to stdout and exits 0; help strings expand %(default)s.
import argparse, os
os.environ["COLUMNS"] = "80"  # the width CPython uses without a terminal
parser = argparse.ArgumentParser(
    prog="backup",
    description="Copy files to a backup location, keeping the newest versions and "
                "pruning the old ones according to a retention policy that you choose.",
    epilog="Report bugs to the issue tracker.")
parser.add_argument("sources", nargs="+", metavar="SRC", help="files or folders to copy")
parser.add_argument("dest", help="where the backup goes")
parser.add_argument("-k", "--keep", type=int, default=7, help="versions kept (default: %(default)s)")
parser.add_argument("-x", "--exclude", action="append", metavar="GLOB", help="patterns to skip; may be repeated")
parser.add_argument("--mode", choices=["full", "incremental"], default="full", help="one of %(choices)s")
parser.add_argument("--dry-run", action="store_true", help="show what would happen without doing it")
parser.add_argument("--compression-level-for-archives", type=int, help="a long option name")
parser.add_argument("--secret", help=argparse.SUPPRESS)
parser.add_argument("--version", action="version", version="%(prog)s 2.1")
parser.print_usage()
print(parser.format_usage() == parser.format_help().split("\n\n")[0] + "\n")
try:
    parser.parse_args(["--version"])
except SystemExit as exit:
    print("version exit", exit.code)
try:
    parser.parse_args(["--help"])
except SystemExit as exit:
    print("help exit", exit.code)
