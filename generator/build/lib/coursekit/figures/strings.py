"""UI strings of figures (the `figures:` section of coursekit/i18n/<lang>.yml) and number formatting."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import numpy as np

from ..i18n import load_strings as load_all


def load_strings(lang: str, course_root: Path | None = None) -> "Strings":
    """The `figures:` section of a language's UI strings (the course's own file, else the shipped one)."""
    section = load_all(lang, course_root).get("figures")
    if not isinstance(section, dict):
        raise KeyError(f"the UI strings of {lang!r} have no 'figures:' section")
    return Strings(lang=lang, table=section)


@dataclass(frozen=True)
class Strings:
    lang: str
    table: Mapping[str, Any]

    def raw(self, dotted: str) -> Any:
        node: Any = self.table
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise KeyError(f"missing UI string figures.{dotted} in coursekit/i18n/{self.lang}.yml")
            node = node[part]
        return node

    def __call__(self, dotted: str, **values: Any) -> str:
        return str(self.raw(dotted)).format(**values)

    def join(self, items: Iterable[str]) -> str:
        return str(self.raw("list_sep")).join(items)

    def schedule(self, name: str) -> str:
        return self(f"schedule_names.{name}")

    def image(self, ref: str) -> str:
        """How an image reference reads in prose: 'scene blocks' / 'the image photo.png'."""
        if ref.startswith("scene:"):
            return self("image_scene", name=ref[len("scene:") :])
        return self("image_file", path=ref)

    @staticmethod
    def num(x: float, digits: int = 2) -> str:
        return fmt_num(x, digits)


def fmt_num(x: float, digits: int = 2) -> str:
    """Fixed decimals for ordinary values; small positives keep two significant digits (ᾱ_T = 0.00004)."""
    if not np.isfinite(x):
        return "∞" if x > 0 else "−∞"
    if x != 0 and abs(x) < 0.5 * 10.0**-digits:
        return np.format_float_positional(x, precision=2, fractional=False, unique=True, trim="-").replace("-", "−")
    text = f"{x:.{digits}f}"
    if float(text) == 0:
        text = text.lstrip("-")  # no "−0.00"
    return text.replace("-", "−")


def two_digits(x: float) -> str:
    """Two significant digits for prose: an error value may span 0.3 down to 0.0001 within one figure."""
    text = np.format_float_positional(x, precision=2, unique=False, fractional=False, trim="-")
    return text.replace("-", "−")
