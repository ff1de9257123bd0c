# __future__ imports compile; the module lists each feature's releases and flag
from __future__ import annotations
import __future__
def area(width: float, height: float) -> float:
    return width * height
print(area(2.0, 3.5))
print(__future__.all_feature_names)
print(__future__.annotations)
print(__future__.division.getOptionalRelease(), __future__.division.getMandatoryRelease())
print(__future__.annotations.getMandatoryRelease(), __future__.annotations.compiler_flag)
print(__future__.CO_FUTURE_ANNOTATIONS == __future__.annotations.compiler_flag)
for name in __future__.all_feature_names[:3]:
    print(name, getattr(__future__, name))
