# Long usage lines wrap: options first, positionals after, under the program name.
import argparse, os
os.environ["COLUMNS"] = "60"
parser = argparse.ArgumentParser(prog="wrapper")
for index in range(8):
    parser.add_argument("--option-%d" % index, metavar="VALUE%d" % index)
group = parser.add_mutually_exclusive_group()
group.add_argument("--alpha", action="store_true")
group.add_argument("--beta", action="store_true")
group.add_argument("--gamma", action="store_true")
parser.add_argument("inputs", nargs="+")
parser.add_argument("output")
parser.print_usage()
long_prog = argparse.ArgumentParser(prog="a-program-with-a-really-very-long-name-indeed")
long_prog.add_argument("--first-option")
long_prog.add_argument("--second-option")
long_prog.add_argument("positional_one")
long_prog.add_argument("positional_two")
long_prog.print_usage()
custom = argparse.ArgumentParser(prog="custom", usage="%(prog)s [options] FILE")
custom.add_argument("file")
custom.print_help()
only_positionals = argparse.ArgumentParser(prog="pos", add_help=False)
for name in ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"):
    only_positionals.add_argument(name + "_argument")
only_positionals.print_usage()
