"""The kind registry: what a figure kind declares, and the table of all kinds.

Adding a kind = one module in kinds/ exporting `KIND = KindDef(...)` + one entry in `_ALL` below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping

import numpy as np
import numpy.typing as npt

from . import images
from .fields import Field

if TYPE_CHECKING:
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

    def load(self, ref: str, size: int) -> npt.NDArray[np.float32]:
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
    common: tuple[str, ...] = ("seed", "T", "schedule")  # which optional common keys apply
    exclusive: tuple[tuple[str, str], ...] = ()  # pairs of keys an author may not give together


def _all() -> tuple[KindDef, ...]:
    # Imported here so a kind module can import registry types without a cycle.
    from .kinds import forward, reverse, schedule, scrubber, spectrum

    return (
        forward.KIND,
        scrubber.KIND,
        reverse.KIND,
        schedule.KIND,
        spectrum.KIND,
    ) + _optional_kinds()


def _optional_kinds() -> tuple[KindDef, ...]:
    """Kinds maintained in separate modules (H1b); each is registered once its module exists."""
    import importlib

    found: list[KindDef] = []
    for module in ("denoiser_error", "guidance", "latent", "steps", "paths2d", "gaussian_sum", "reverse_posterior",
                   "bound_weights", "langevin"):
        try:
            found.append(importlib.import_module(f".kinds.{module}", __package__).KIND)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.kinds.{module}":
                raise
    return tuple(found)


_CACHE: dict[str, KindDef] = {}


def kinds() -> dict[str, KindDef]:
    if not _CACHE:
        _CACHE.update({k.name: k for k in _all()})
    return _CACHE
