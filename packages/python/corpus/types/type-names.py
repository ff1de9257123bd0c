# types names the interpreter's own types; isinstance checks against them work.
import sys
import types


def function():
    yield 1


print(types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.GeneratorType)
print(types.CoroutineType, types.ModuleType is type(sys), types.NoneType, types.LambdaType)
print(types.CellType, types.EllipsisType, types.NotImplementedType, types.CodeType)
print(isinstance(len, types.BuiltinFunctionType), isinstance(lambda: 0, types.FunctionType))
print(isinstance(function(), types.GeneratorType), isinstance(None, types.NoneType))
module = types.ModuleType("generated", "made by types.ModuleType")
module.answer = 42
print(module, module.__doc__, module.answer)
