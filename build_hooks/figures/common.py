"""Keys several of this course's figure kinds share: the diffusion's step count and noise schedule, and the
course's scenes as a default image list. Each kind lists the ones it uses at the head of its fields (T first: the
timestep checks after it read the figure's own T)."""

from __future__ import annotations

from coursekit.figures import fields as F
from coursekit.figures.strings import Strings

from .scenes import SCENES
from .schedules import SCHEDULE_NAMES

_SHARED: dict[str, F.Field] = {
    "T": F.Field(F.integer(10, 4000), default=1000),
    "schedule": F.Field(F.choice(*SCHEDULE_NAMES), default="linear"),
}
ALL_SCENES: list[str] = [f"scene:{name}" for name in SCENES]


def schedule_name(strings: Strings, name: str) -> str:
    """A schedule's name in prose, in the page's language ("linear", "선형")."""
    return strings(f"schedule_names.{name}")


def shared(*names: str) -> dict[str, F.Field]:
    """The shared fields `names`, in their fixed order (T before schedule)."""
    return {name: field for name, field in _SHARED.items() if name in names}
