"""The contract's enum members the extractor compares against, as compiled constants.

On Python 3.11 `EnumType` defines `__getattr__`, so reading `Role.STATE` from compiled code is a full
Python-level `__getattribute__` call (~400 instructions; ~1,700 reads per article, ~7% of extraction);
a `Final` module constant compiles to a C static.
"""

from __future__ import annotations

from typing import Final

from schemas.event import PloverType, Role, Status

ROLE_AMBASSADOR: Final = Role.AMBASSADOR
ROLE_ENVOY: Final = Role.ENVOY
ROLE_FOREIGN_MINISTER: Final = Role.FOREIGN_MINISTER
ROLE_MINISTER: Final = Role.MINISTER
ROLE_ORGANIZATION: Final = Role.ORGANIZATION
ROLE_STATE: Final = Role.STATE

PLOVER_ACCUSE: Final = PloverType.ACCUSE
PLOVER_AGREE: Final = PloverType.AGREE
PLOVER_AID: Final = PloverType.AID
PLOVER_CONSULT: Final = PloverType.CONSULT
PLOVER_REJECT: Final = PloverType.REJECT
PLOVER_SANCTION: Final = PloverType.SANCTION
PLOVER_SUPPORT: Final = PloverType.SUPPORT
PLOVER_THREATEN: Final = PloverType.THREATEN

STATUS_DENIED: Final = Status.DENIED
STATUS_HYPOTHETICAL: Final = Status.HYPOTHETICAL
STATUS_OCCURRED: Final = Status.OCCURRED
STATUS_PLANNED: Final = Status.PLANNED
