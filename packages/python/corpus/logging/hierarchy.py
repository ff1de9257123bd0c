# getLogger builds a tree from dotted names: a child made before its parent is re-parented.
import logging
grandchild = logging.getLogger("app.db.pool")
print(grandchild.parent is logging.root, grandchild)
app = logging.getLogger("app")
print(grandchild.parent is app, repr(logging.getLogger("app.db")))
db = logging.getLogger("app.db")
print(grandchild.parent is db, db.parent is app, app.parent is logging.root)
print(logging.getLogger("app.db") is db, logging.getLogger() is logging.root)
print(logging.getLogger("root") is logging.root, app.getChild("db") is db)
print(sorted(child.name for child in app.getChildren()))
print(type(logging.root.manager.loggerDict.get("x.y")).__name__)
logging.getLogger("x.y.z")
print(type(logging.root.manager.loggerDict["x.y"]).__name__, "x" in logging.root.manager.loggerDict)
app.setLevel(logging.ERROR)
print(grandchild.getEffectiveLevel(), db.isEnabledFor(logging.WARNING), db.isEnabledFor(50))
db.setLevel(logging.DEBUG)
print(grandchild.getEffectiveLevel(), grandchild.isEnabledFor(logging.DEBUG))
print(repr(app), repr(db), repr(logging.root))
try:
    logging.getLogger(42)
except TypeError as error:
    print("TypeError", error)
