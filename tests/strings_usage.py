"""Which UI strings a body of code reads (shared by the generator's and the course's strings-usage tests).

A key is used when the code names it:
- by its path below the section in quotes, as the figures do: s("forward.row"), or its parent with a computed
  last part: s(f"schedule_names.{name}");
- a top-level key of a section by its name: s.pager in a template, strings["minutes"] in Python, t('xp') in a
  script;
- any key by a name with a computed end: t(`err_${error}`) uses every err_… key, s(f"x.legend_{k}") every
  x.legend_… key;
- a nested mapping read with a computed key counts for all its keys: strings["levels"][level],
  course.strings.palette_to[scheme].
"""

from __future__ import annotations

import re
from pathlib import Path

from coursekit.i18n.plural import is_plural


def read_sources(files: list[Path]) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(files))


def quoted(text: str) -> str:
    return rf"""["']{re.escape(text)}["']"""


def is_used(path: str, code: str) -> bool:
    """`path` is a key below its section: 'pager', 'levels.beginner', 'forward.row', 'schedule.curves.snr'."""
    parts = path.split(".")
    if re.search(quoted(path), code):
        return True
    for cut in range(1, len(parts)):  # a parent read with a computed rest: f"schedule_names.{name}"
        if re.search(rf"""["']{re.escape('.'.join(parts[:cut]))}\.\{{""", code):
            return True
    # A family of keys named with a computed end: t(`err_${error}`), s(f"reverse_posterior.legend_{k}")
    last, parent = parts[-1], "".join(f"{part}." for part in parts[:-1])
    heads = [parent + "_".join(last.split("_")[:cut]) + "_" for cut in range(1, last.count("_") + 1)]
    if any(re.search(rf"""(?:`{re.escape(head)}\$\{{|f["']{re.escape(head)}\{{)""", code) for head in heads):
        return True
    top = parts[0]
    if len(parts) == 1:  # a flat key: s.pager, strings["minutes"], t('xp'), labelled(x, 'share_code_label')
        return bool(re.search(rf"(?<![\w$])(?:s|strings)\.{top}\b|{quoted(top)}", code))
    if len(parts) == 2:  # a mapping indexed with a computed key: strings["levels"][level], s.palette_to[scheme]
        return bool(re.search(rf"(?:{quoted(top)}\]|\.{top})\s*\[(?![\"'])", code))
    return False


def key_paths(table: dict, prefix: str = "") -> list[str]:
    """Every dotted key path of a nested mapping; plural forms ({one: …, other: …}) are one key."""
    found: list[str] = []
    for key, value in table.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        found += key_paths(value, path) if isinstance(value, dict) and not is_plural(value) else [path]
    return found


def unused(strings: dict, code: str) -> list[str]:
    return [f"{section}.{path}" for section, table in strings.items() for path in sorted(key_paths(table))
            if not is_used(path, code)]
