"""The content-addressed cache: hits, misses, and invalidation by every input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from coursekit.figures import cache
from coursekit.figures.pipeline import key_for, prepare
from coursekit.figures.kind import Result
from coursekit.figures.spec import parse

BLOCK = "kind: forward\nimage: images/a.png\ntimesteps: [0, 1000]\nsize: 32\ncaption: x\n"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "images").mkdir(parents=True)
    Image.new("RGB", (20, 20), (200, 30, 30)).save(root / "images" / "a.png")
    return root


def test_miss_then_hit(docs: Path, tmp_path: Path) -> None:
    spec = parse(BLOCK, (docs,))
    first = prepare(spec, roots=(docs,), cache_dir=tmp_path / "c")
    second = prepare(spec, roots=(docs,), cache_dir=tmp_path / "c")
    assert first.computed and not second.computed
    assert first.key == second.key and first.data == second.data
    assert second.assets["webp"].read_bytes()[:4] == b"RIFF"


def test_caption_and_language_do_not_change_the_key(docs: Path) -> None:
    a = parse(BLOCK, (docs,))
    b = parse(BLOCK.replace("caption: x", "caption: 다른 설명"), (docs,))
    assert key_for(a, (docs,), "v1") == key_for(b, (docs,), "v1")


@pytest.mark.parametrize(
    "change",
    ["spec", "image bytes", "library version"],
)
def test_each_input_invalidates(docs: Path, change: str) -> None:
    spec = parse(BLOCK, (docs,))
    before = key_for(spec, (docs,), "v1")
    version = "v1"
    if change == "spec":
        spec = parse(BLOCK.replace("[0, 1000]", "[0, 999]"), (docs,))
    elif change == "image bytes":
        Image.new("RGB", (20, 20), (200, 30, 31)).save(docs / "images" / "a.png")
    else:
        version = "v2"
    assert key_for(spec, (docs,), version) != before


def test_changed_image_recomputes(docs: Path, tmp_path: Path) -> None:
    spec = parse(BLOCK, (docs,))
    prepare(spec, roots=(docs,), cache_dir=tmp_path / "c")
    Image.new("RGB", (20, 20), (0, 0, 255)).save(docs / "images" / "a.png")
    assert prepare(spec, roots=(docs,), cache_dir=tmp_path / "c").computed


def test_deleting_the_cache_is_safe(docs: Path, tmp_path: Path) -> None:
    spec = parse(BLOCK, (docs,))
    first = prepare(spec, roots=(docs,), cache_dir=tmp_path / "c")
    blob = first.assets["webp"].read_bytes()
    for f in (tmp_path / "c").iterdir():
        f.unlink()
    again = prepare(spec, roots=(docs,), cache_dir=tmp_path / "c")
    assert again.computed and again.assets["webp"].read_bytes() == blob


def test_entry_with_a_missing_asset_is_a_miss(tmp_path: Path) -> None:
    cache.store(tmp_path, "k", Result(data={"a": 1}, assets={"webp": b"x"}))
    assert cache.load(tmp_path, "k") is not None
    (tmp_path / "k.webp").unlink()
    assert cache.load(tmp_path, "k") is None


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    (tmp_path / "k.json").write_text("{not json")
    assert cache.load(tmp_path, "k") is None


def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    cache.store(tmp_path, "k", Result(data={"a": [1, 2]}, assets={"webp": b"abc"}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k.json", "k.webp"]


def test_a_figure_used_twice_is_computed_once(docs: Path, tmp_path: Path) -> None:
    from coursekit.figures.pipeline import prepare_many

    spec = parse(BLOCK, (docs,))
    other = parse(BLOCK.replace("size: 32", "size: 40"), (docs,))
    results = prepare_many([spec, other, spec], roots=(docs,), cache_dir=tmp_path / "c")
    assert [r.computed for r in results] == [True, True, False]
    assert results[0].key == results[2].key != results[1].key
