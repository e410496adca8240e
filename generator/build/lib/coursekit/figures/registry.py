"""The figure kinds of this build: those the course's content modules register (coursekit.content).

Adding a kind = a `KindDef` (types in kind.py) listed in a content module's `CONTENT.figure_kinds`. A site with no
content has no kinds, and a ```figure block then fails with a line saying so.
"""

from __future__ import annotations

from coursekit import content

from .kind import KindDef


def kinds() -> dict[str, KindDef]:
    """Every kind by name, in the order authors are told about them."""
    return content.active().figure_kinds
