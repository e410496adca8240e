"""What a figure kind declares (`KindDef`) and the values passed to and from it.

Kind modules import these types from here, never from `registry`, which imports every kind: so the import graph
of the library has no cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

from .fields import Field

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from .spec import Spec
    from .strings import Strings


@dataclass(frozen=True)
class Result:
    """What compute() returns and the cache stores: JSON-able numbers + encoded assets by file suffix."""

    data: dict[str, Any]
    assets: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Env:
    """Inputs a kind may read while computing: image roots (docs folders)."""

    roots: tuple[Path, ...] = ()

    def load(self, ref: str, size: int) -> "npt.NDArray[np.float32]":
        from . import images  # numpy and Pillow: only a figure being computed needs them

        return images.load(ref, self.roots, size)


@dataclass(frozen=True)
class Present:
    """Everything present() needs to write the figure HTML for one page."""

    data: Mapping[str, Any]
    spec: "Spec"
    strings: "Strings"
    urls: Mapping[str, str]  # asset suffix -> URL relative to the page
    fig_id: str  # unique, stable id for aria attributes


@dataclass(frozen=True)
class KindDef:
    name: str
    fields: Mapping[str, Field]
    compute: Callable[["Spec", Env], Result]
    present: Callable[[Present], str]
    image_keys: tuple[str, ...] = ()
    uses_size: bool = False
    common: tuple[str, ...] = ("seed",)  # which keys of spec.COMMON_FIELDS apply (size: see uses_size)
    exclusive: tuple[tuple[str, str], ...] = ()  # pairs of keys an author may not give together
    # Site-relative stylesheets (.css) and scripts (.js) that only pages showing this kind load.
    browser_assets: tuple[str, ...] = ()
