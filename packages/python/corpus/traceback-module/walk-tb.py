# walk_tb yields each traceback entry's frame and line; the frames keep their locals
import traceback

def level_two(token):
    marker = "two"
    raise LookupError(token)

def level_one():
    marker = "one"
    level_two("tok")

try:
    level_one()
except LookupError as error:
    saved = error
for frame, lineno in traceback.walk_tb(saved.__traceback__):
    print(frame.f_code.co_name, lineno, frame.f_locals.get("marker"))
stack = traceback.StackSummary.extract(traceback.walk_tb(saved.__traceback__))
print([(f.name, f.lineno, f.line) for f in stack])
print(stack[-1].colno)
