# exec(), eval() and compile() of bytes: decoded as UTF-8, or as their PEP 263 coding comment says.
exec(b"# -*- coding: latin-1 -*-\nword = 'caf\xe9'\nprint(word, len(word))")
exec("print('str source', len('caf\u00e9'))".encode("utf-8"))
print(eval(b"1 + 2"))
code = compile(b"#!/usr/bin/env python\n# coding: cp1252\nsign = '\x80'\n", "<bytes>", "exec")
namespace = {}
exec(code, namespace)
print(namespace["sign"], ord(namespace["sign"]))
try:
    exec(b"# coding: ascii\nx = '\xe9'\n")
except SyntaxError as e:
    print("SyntaxError")
