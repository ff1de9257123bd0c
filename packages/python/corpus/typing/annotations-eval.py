# Annotations with typing forms are evaluated at definition time and stored as objects.
from typing import Any, Callable, ClassVar, Dict, Final, List, Optional, Tuple


class Config:
    name: str
    tags: List[str] = []
    limits: Dict[str, Tuple[int, int]] = {}
    hook: Optional[Callable[[str], None]] = None
    registry: ClassVar[Dict[str, "Config"]] = {}
    VERSION: Final = 3


def apply(config: Config, *args: Any, **options: int) -> Optional[bool]:
    return None


for key, value in Config.__annotations__.items():
    print(key, value)
for key, value in apply.__annotations__.items():
    print(key, value)
print(Config.VERSION, Config.tags, "name" in Config.__dict__)
