# type= conversions and choices=, with the messages their failures give (stderr captured).
import argparse, contextlib, io
def attempt(parser, argv):
    captured = io.StringIO()
    try:
        with contextlib.redirect_stderr(captured):
            print("ok", parser.parse_args(argv))
    except SystemExit as exit:
        print("exit", exit.code)
        print(captured.getvalue(), end="")
def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("%r is not positive" % text)
    return value
parser = argparse.ArgumentParser(prog="shapes")
parser.add_argument("shape", choices=["circle", "square"])
parser.add_argument("--size", type=positive, default="2")
parser.add_argument("--level", type=int, choices=range(1, 4))
parser.add_argument("--scale", type=float)
attempt(parser, ["circle"])
attempt(parser, ["square", "--size", "9", "--level", "3", "--scale", "1e3"])
attempt(parser, ["triangle"])
attempt(parser, ["circle", "--size", "-1"])
attempt(parser, ["circle", "--size", "big"])
attempt(parser, ["circle", "--level", "7"])
attempt(parser, ["circle", "--scale", "wide"])
attempt(parser, ["circle", "--level"])
