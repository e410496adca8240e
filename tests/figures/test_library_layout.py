"""Every figure-kind module of the course is registered: a module left out of ALL_KINDS would be a kind that
authors cannot use, without a word. (Import cycles between packages are import-linter's job: pyproject.toml.)"""

from __future__ import annotations

from pathlib import Path

from build_hooks.figures import kinds

KINDS_DIR = Path(kinds.__file__).resolve().parent


def test_all_kinds_lists_every_kind_module() -> None:
    modules = {path.stem for path in KINDS_DIR.glob("*.py") if path.stem != "__init__"}
    registered = {kind.compute.__module__.rsplit(".", 1)[-1] for kind in kinds.ALL_KINDS}
    assert registered == modules
    assert len({kind.name for kind in kinds.ALL_KINDS}) == len(kinds.ALL_KINDS)
