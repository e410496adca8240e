"""A text -> text memo kept between builds in a JSON file under generated/ (formulas as MathML, question texts as
HTML): what a build converts once, the next build reads back instead of converting again.

The file's name carries the versions of whatever did the converting, so an upgrade starts a new file; an unreadable
file is ignored (everything is converted again). Writing is atomic, because two builds may run side by side.
A memo made with `only_used=True` writes back only the entries this process asked for or added: for entries keyed
by a whole page or figure, which every edit replaces, so the file holds the current site rather than its history.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


class DiskMemo(dict[str, str]):
    """A dict of conversions; `use(path)` reads what earlier builds kept, `save()` writes it back if it grew."""

    def __init__(self, *, only_used: bool = False) -> None:
        super().__init__()
        self._path: Path | None = None
        self._used: set[str] | None = set() if only_used else None
        # Whether a conversion was added since the last write: the builds of several languages share this memo and
        # each reads the file again, so a count taken at reading time would hide what an earlier build added.
        self._grew = False

    def __setitem__(self, key: str, value: str) -> None:
        super().__setitem__(key, value)
        self._grew = True
        if self._used is not None:
            self._used.add(key)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if self._used is not None and key in self:
            self._used.add(key)
        return super().get(key, default)

    def use(self, path: Path) -> None:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(stored, dict) and all(isinstance(v, str) for v in stored.values()):
                super().update(stored)  # read back, not added: no write needed for these
        except (OSError, ValueError):
            pass
        self._path = path

    def save(self) -> None:
        if self._path is None or not self._grew:
            return
        path = self._path
        path.parent.mkdir(parents=True, exist_ok=True)
        kept = self if self._used is None else {key: self[key] for key in self._used}
        text = json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._grew = False
