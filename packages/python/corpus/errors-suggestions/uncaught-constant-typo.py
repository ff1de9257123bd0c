# A misspelt constant: True, False and None are builtins, so "Did you mean: 'False'?".
import builtins
print(getattr(builtins, "True"), getattr(builtins, "None"), "False" in dir(builtins))
True_value = Flase
