"""Content-addressed cache of computed figures.

key = sha256(library version + normalized spec (caption excluded) + bytes of every source image).
Entry = `<key>.json` (the Result data and the list of asset suffixes) + `<key>.<suffix>` per asset.
The JSON is written last, so an entry exists only when all its files do; every write is a temp file +
os.replace, so a crash never leaves a half-written file under a final name. Deleting the folder is safe;
`prune` keeps only the entries the current sources use (see prune.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from .kind import Result


def cache_key(normalized_spec: str, sources: Iterable[bytes], version: str) -> str:
    h = hashlib.sha256()
    for part in (version.encode(), normalized_spec.encode()):
        h.update(len(part).to_bytes(8, "big"))  # length prefixes: no two inputs concatenate alike
        h.update(part)
    for blob in sources:
        h.update(len(blob).to_bytes(8, "big"))
        h.update(hashlib.sha256(blob).digest())
    return h.hexdigest()[:32]


def asset_path(folder: Path, key: str, suffix: str) -> Path:
    return folder / f"{key}.{suffix}"


def load(folder: Path, key: str) -> Result | None:
    """The cached Result, or None when any of its files is missing or unreadable (then it is recomputed)."""
    meta = folder / f"{key}.json"
    try:
        record = json.loads(meta.read_text(encoding="utf-8"))
        suffixes = record["assets"]
        if not all(asset_path(folder, key, s).is_file() for s in suffixes):
            return None
        return Result(data=record["data"], assets={s: b"" for s in suffixes})  # assets stay on disk
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(folder: Path, key: str, result: Result) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix, blob in sorted(result.assets.items()):
        write_atomic(asset_path(folder, key, suffix), blob)
    record = {"data": result.data, "assets": sorted(result.assets)}
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    write_atomic(folder / f"{key}.json", text.encode("utf-8"))


def stale_files(names: Iterable[str], keep: set[str]) -> list[str]:
    """File names of a cache folder that belong to no kept key: old entries and temp files left by a crash."""
    return sorted(name for name in names if name.startswith(".") or name.split(".", 1)[0] not in keep)


def prune(folder: Path, keep: set[str], *, dry_run: bool = False) -> list[Path]:
    """Delete every file of the cache folder outside the kept keys (unless dry_run); return those files."""
    if not folder.is_dir():
        return []
    stale = [folder / name for name in stale_files((p.name for p in folder.iterdir() if p.is_file()), keep)]
    if not dry_run:
        for path in stale:
            path.unlink(missing_ok=True)
    return stale


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
