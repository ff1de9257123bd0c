# Importing os.path before os imports os first; both names then refer to posixpath.
import os.path
import os
import sys
print(os.path.__name__, sys.modules["os.path"] is os.path, "os" in sys.modules)
print(os.path.join(os.sep, "usr", "lib"), os.path.splitext("archive.tar.gz"))
from os.path import join, basename
print(join("x", "y"), basename("/x/y.py"))
print(os.path.dirname(os.path.abspath("/srv/app/main.py")))
