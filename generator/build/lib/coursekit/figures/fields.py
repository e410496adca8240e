"""Reusable validators for figure keys.

A check takes the raw YAML value and a `Ctx` and returns the normalized value, or raises `ValueError`
whose message says what is wrong and what is allowed (spec.py adds "figure key '<key>': ").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import caption
from .images import ImageRefError, check_ref


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class Ctx:
    """What a check may depend on: the validated T and where image paths resolve."""

    T: int = 1000
    roots: tuple[Path, ...] = ()


Check = Callable[[Any, Ctx], Any]


@dataclass(frozen=True)
class Field:
    check: Check
    default: Any = REQUIRED
    doc: str = ""
    # The default is checked too, against the figure's own T and settings: a fixed default (timesteps up to 1000)
    # that the kind cannot adapt must fail as an author's mistake, not as an error inside the computation.
    check_default: bool = False


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def integer(lo: int, hi: int, what: str = "") -> Check:
    def check(value: Any, ctx: Ctx) -> int:
        if not _is_int(value):
            raise ValueError(f"{_show(value)} is not an integer; use a whole number in {lo}..{hi}")
        if not lo <= value <= hi:
            raise ValueError(f"{value} is outside {lo}..{hi}{what}")
        return int(value)

    return check


def number(lo: float, hi: float) -> Check:
    def check(value: Any, ctx: Ctx) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{_show(value)} is not a number; use a number in {lo:g}..{hi:g}")
        if not lo <= value <= hi:
            raise ValueError(f"{value} is outside {lo:g}..{hi:g}")
        return float(value)

    return check


def optional(inner: Check) -> Check:
    def check(value: Any, ctx: Ctx) -> Any:
        return None if value is None else inner(value, ctx)

    return check


def choice(*names: str) -> Check:
    def check(value: Any, ctx: Ctx) -> str:
        if not isinstance(value, str) or value not in names:
            raise ValueError(f"{_show(value)} is not allowed; use one of {', '.join(names)}")
        return value

    return check


def _non_empty_list(value: Any, allowed: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"{_show(value)} is not a list; give a list of {allowed}")
    if not value:
        raise ValueError(f"the list is empty; give at least one of {allowed}")
    return value


def choice_list(*names: str) -> Check:
    """A non-empty list of distinct names from `names`."""

    def check(value: Any, ctx: Ctx) -> list[str]:
        items = _non_empty_list(value, ", ".join(names))
        one = choice(*names)
        out = [one(item, ctx) for item in items]
        if len(set(out)) != len(out):
            raise ValueError(f"{value} repeats a name; list each of {', '.join(names)} at most once")
        return out

    return check


def choice_or_list(*names: str) -> Check:
    """One name, or a non-empty list of names; always normalized to a list."""

    def check(value: Any, ctx: Ctx) -> list[str]:
        return [choice(*names)(value, ctx)] if isinstance(value, str) else choice_list(*names)(value, ctx)

    return check


def int_list(lo: int, hi: int, max_len: int = 64) -> Check:
    def check(value: Any, ctx: Ctx) -> list[int]:
        items = _non_empty_list(value, f"integers in {lo}..{hi}")
        if len(items) > max_len:
            raise ValueError(f"{len(items)} entries is too many; give at most {max_len}")
        return [integer(lo, hi)(item, ctx) for item in items]

    return check


def timesteps(max_len: int = 64) -> Check:
    """A non-empty list of distinct integer timesteps in 0..T, kept in the author's order."""

    def check(value: Any, ctx: Ctx) -> list[int]:
        items = _non_empty_list(value, f"timesteps in 0..{ctx.T}")
        if len(items) > max_len:
            raise ValueError(f"{len(items)} timesteps is too many; give at most {max_len}")
        out = [integer(0, ctx.T, " (T)")(item, ctx) for item in items]
        if len(set(out)) != len(out):
            raise ValueError(f"{value} repeats a timestep; list each t once")
        return out

    return check


def text(max_len: int = 1000) -> Check:
    def check(value: Any, ctx: Ctx) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("must be non-empty text")
        if len(value) > max_len:
            raise ValueError(f"is {len(value)} characters; keep it under {max_len}")
        return value.strip()

    return check


def caption_text(max_len: int = 1000) -> Check:
    """Text whose `$…$` formulas convert to MathML (see caption.py)."""
    plain = text(max_len)

    def check(value: Any, ctx: Ctx) -> str:
        checked = plain(value, ctx)
        caption.check(checked)
        return checked

    return check


def image_ref() -> Check:
    def check(value: Any, ctx: Ctx) -> str:
        if not isinstance(value, str):
            raise ValueError(f"{_show(value)} is not an image reference; use scene:<name> or a path under docs/")
        try:
            check_ref(value, ctx.roots)
        except ImageRefError as exc:
            raise ValueError(str(exc)) from None
        return value

    return check


def image_refs(max_len: int = 8) -> Check:
    def check(value: Any, ctx: Ctx) -> list[str]:
        items = _non_empty_list(value, "image references (scene:<name> or paths under docs/)")
        if len(items) > max_len:
            raise ValueError(f"{len(items)} images is too many; give at most {max_len}")
        return [image_ref()(item, ctx) for item in items]

    return check


