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


class FigureInputError(ValueError):
    """A figure's input that only exists at compute time (a value the page's run did not leave): the message says
    what is wrong and the fix; the build names the figure block's file and line before it."""


@dataclass(frozen=True)
class Result:
    """What compute() returns and the cache stores: JSON-able numbers + encoded assets by file suffix."""

    data: dict[str, Any]
    assets: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Env:
    """Inputs a kind may read while computing: image roots (docs folders), and for kinds that set `reads_run`, the
    numbers and arrays the page's run blocks left (coursekit.runs), by name."""

    roots: tuple[Path, ...] = ()
    run: Mapping[str, Any] = field(default_factory=dict)

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
    # The kind plots what the page's ```python {run} blocks computed (Env.run): its cache key then includes the
    # key of the page's run, so new code redraws the figure.
    reads_run: bool = False
