"""Run results kept by the code's content, so a warm build runs nothing.

The key of block k is sha256(numpy's version + the page's blocks 1..k): a block's output can depend on every block
before it (they share a namespace) and on nothing else, given fixed seeds. An entry is `<key>.json` with what the
block printed; the page's last block also keeps the page's values. Deleting the folder is safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

RUNNER_VERSION = "1"  # bump when worker.py changes what it records


@lru_cache(maxsize=1)
def numpy_version() -> str:
    try:
        from importlib.metadata import version

        return version("numpy")
    except Exception:  # no numpy: blocks that import it fail with their own ImportError
        return "none"


def block_keys(codes: Sequence[str]) -> list[str]:
    h = hashlib.sha256()
    for part in (RUNNER_VERSION, numpy_version()):
        h.update(len(part).to_bytes(8, "big") + part.encode())
    keys = []
    for code in codes:
        data = code.encode("utf-8")
        h.update(len(data).to_bytes(8, "big") + data)
        keys.append(h.copy().hexdigest()[:32])
    return keys


# Entries read or written by this process: the language versions of a page run the same code, so each language
# build asks for the same entries, and a page's values can be large (a small network's weights). Bounded, for a
# long `mkdocs serve` in which an author edits run blocks again and again.
_read: dict[Path, dict[str, Any]] = {}
_READ_MAX = 256


def _remember(path: Path, record: dict[str, Any]) -> None:
    if len(_read) >= _READ_MAX:
        _read.pop(next(iter(_read)))  # the oldest
    _read[path] = record


def load(folder: Path, key: str) -> dict[str, Any] | None:
    path = folder / f"{key}.json"
    if path in _read:
        return _read[path]
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (isinstance(record, dict) and isinstance(record.get("output"), str)):
        return None
    _remember(path, record)
    return record


def store(folder: Path, key: str, record: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    # A temp file renamed into place: a crash or a parallel build never leaves half an entry under its name.
    fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, folder / f"{key}.json")
        _remember(folder / f"{key}.json", record)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def page_key(markdown: str) -> str | None:
    """The cache key of a page's whole run (its last block's), or None when it has no run blocks."""
    from .blocks import run_blocks

    codes = [b.code for b in run_blocks(markdown)]
    return block_keys(codes)[-1] if codes else None
