"""Parse and validate one ```figure block.

Every problem becomes one `Problem(line, message)`; `line` is the 0-based line inside the block (or None)
so the caller can point at `file:line`. Nothing here raises on author mistakes except `SpecError`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import yaml

from coursekit.yaml_loading import SafeLoader

from . import fields as F
from .kind import KindDef
from .registry import kinds


@dataclass(frozen=True)
class Problem:
    line: int | None  # 0-based line inside the block's YAML text
    message: str


class SpecError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


# Keys any kind may take: a random seed (kinds that draw noise) and an image size (kinds that draw images).
# Everything else, a diffusion's step count included, belongs to the kinds that use it.
COMMON_FIELDS: dict[str, F.Field] = {
    "seed": F.Field(F.integer(0, 2**32 - 1), default=0),
    "size": F.Field(F.integer(32, 512), default=128),
}
CAPTION_FIELD = F.Field(F.caption_text(), doc="caption: text in the page language; inline math as $…$")


@dataclass(frozen=True)
class Spec:
    kind: str
    caption: str
    values: Mapping[str, Any]  # every key of the kind, normalized, defaults filled (caption excluded)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def cache_fields(self) -> dict[str, Any]:
        """The inputs that decide the computed result: all but the caption (shared by both languages)."""
        return {"kind": self.kind, **self.values}

    def normalized_json(self) -> str:
        return json.dumps(self.cache_fields(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def parse_block(text: str) -> tuple[Any, dict[str, int]]:
    """YAML values and the 0-based line of each top-level key; raises SpecError on YAML syntax errors."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        raw = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SpecError([Problem(mark.line if mark else None, f"figure block is not valid YAML: {problem}")]) from None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines.setdefault(str(key_node.value), key_node.start_mark.line)
    return raw, lines


def fields_for(kind: KindDef) -> dict[str, F.Field]:
    """Ordered fields of a kind: the common ones it takes, then its own (a check may read keys checked before it)."""
    common = {k: f for k, f in COMMON_FIELDS.items() if k in kind.common or (k == "size" and kind.uses_size)}
    return {**common, **kind.fields}


def validate(raw: Any, lines: Mapping[str, int], roots: tuple[Path, ...] = ()) -> Spec:
    """Check a parsed block against the registry; collect every problem, then raise SpecError or return Spec."""
    if not isinstance(raw, dict):
        raise SpecError([Problem(0, "figure block must be YAML keys (kind: …, caption: …)")])
    registry = kinds()
    kind_name = raw.get("kind")
    known = ", ".join(registry) or "none: this course registers no figure kinds (plugins.coursekit.content)"
    if kind_name is None:
        raise SpecError([Problem(None, f"figure key 'kind' is missing; use one of {known}")])
    if not isinstance(kind_name, str) or kind_name not in registry:
        msg = f"figure key 'kind': {kind_name!r} is not a figure kind; use one of {known}"
        raise SpecError([Problem(lines.get("kind"), msg)])
    kind = registry[kind_name]
    allowed = fields_for(kind)
    problems: list[Problem] = []
    for key in raw:
        if key not in allowed and key not in ("kind", "caption"):
            names = ", ".join(["caption", *allowed])
            problems.append(Problem(lines.get(str(key)), f"figure key {key!r} is not used by kind {kind_name}; allowed keys: {names}"))
    for a, b in kind.exclusive:
        if a in raw and b in raw:
            problems.append(Problem(lines.get(b), f"figure key {b!r}: give either {a} or {b}, not both"))
    caption = _check_one("caption", CAPTION_FIELD, raw, lines, F.Ctx(roots=roots), problems)
    ctx = F.Ctx(roots=roots)
    values: dict[str, Any] = {}
    for key, field in allowed.items():
        value = _check_one(key, field, raw, lines, ctx, problems)
        values[key] = value
        if key == "T" and isinstance(value, int):
            ctx = F.Ctx(T=value, roots=roots)
    if problems:
        raise SpecError(problems)
    return Spec(kind=kind_name, caption=str(caption), values=values)


def _check_one(key: str, field: F.Field, raw: Mapping[str, Any], lines: Mapping[str, int], ctx: F.Ctx, problems: list[Problem]) -> Any:
    if key not in raw:
        if field.default is F.REQUIRED:
            problems.append(Problem(None, f"figure key {key!r} is missing; add it ({field.doc or 'see coursekit/figures/README.md'})"))
        elif field.check_default:
            try:
                field.check(field.default, ctx)
            except ValueError as exc:
                problems.append(Problem(None, f"figure key {key!r} is not given and its default {field.default} does "
                                              f"not fit this figure: {exc}; set {key} yourself"))
        return field.default
    try:
        return field.check(raw[key], ctx)
    except ValueError as exc:
        problems.append(Problem(lines.get(key), f"figure key {key!r}: {exc}"))
        return None


def parse(text: str, roots: tuple[Path, ...] = ()) -> Spec:
    raw, lines = parse_block(text)
    return validate(raw, lines, roots)
