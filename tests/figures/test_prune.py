"""Pruning the figure cache keeps exactly what the docs use and deletes the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.figures import cache
from coursekit.figures.pipeline import prepare
from coursekit.figures.prune import main
from coursekit.figures.spec import parse

KEEP = "a" * 32
OLD = "b" * 32


@pytest.mark.parametrize(
    ("names", "stale"),
    [
        ([f"{KEEP}.json", f"{KEEP}.webp"], []),
        ([f"{KEEP}.json", f"{OLD}.json", f"{OLD}.webp"], [f"{OLD}.json", f"{OLD}.webp"]),
        ([f".{KEEP}.webp.x1y2.tmp", f"{KEEP}.json"], [f".{KEEP}.webp.x1y2.tmp"]),  # left by a crash mid-write
        ([], []),
    ],
)
def test_stale_files(names: list[str], stale: list[str]) -> None:
    assert cache.stale_files(names, {KEEP}) == stale


SPEC = "kind: forward\nimage: scene:blocks\ntimesteps: [0, 1000]\nsize: 32\ncaption: Two frames.\n"


def test_prune_keeps_the_docs_figures_and_deletes_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs" / "en"
    (docs / "lessons").mkdir(parents=True)
    (docs / "lessons" / "01-x.md").write_text(f"# X\n\n```figure\n{SPEC}```\n", encoding="utf-8")
    roots = (docs.resolve(), docs.resolve().parent)
    folder = tmp_path / "generated" / "figures"
    live = prepare(parse(SPEC, roots), roots=roots, cache_dir=folder)
    kept = sorted(p.name for p in folder.iterdir())
    for name in (f"{OLD}.json", f"{OLD}.webp", f".{OLD}.webp.abc.tmp"):
        (folder / name).write_bytes(b"old")

    assert main(["--docs", str(docs), "--cache", str(folder), "--dry-run"]) == 0
    assert len(list(folder.iterdir())) == len(kept) + 3  # a dry run deletes nothing
    assert main(["--docs", str(docs), "--cache", str(folder)]) == 0

    assert sorted(p.name for p in folder.iterdir()) == kept
    assert "deleted 3 files (1 figures); 1 figures in use" in capsys.readouterr().out
    again = prepare(parse(SPEC, roots), roots=roots, cache_dir=folder)
    assert again.key == live.key and not again.computed


def test_a_block_that_does_not_validate_stops_the_prune_before_anything_is_deleted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs" / "en"
    (docs / "lessons").mkdir(parents=True)
    (docs / "lessons" / "01-x.md").write_text("# X\n\n```figure\nkind: nope\ncaption: x\n```\n", encoding="utf-8")
    folder = tmp_path / "generated" / "figures"
    folder.mkdir(parents=True)
    (folder / f"{OLD}.json").write_bytes(b"old")
    assert main(["--docs", str(docs), "--cache", str(folder)]) == 1
    assert (folder / f"{OLD}.json").exists()  # its figures could be among these: nothing goes
    assert "nothing deleted" in capsys.readouterr().err
