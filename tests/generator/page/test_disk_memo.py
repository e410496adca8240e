"""The conversions a build keeps between builds (coursekit/page/disk_memo.py): read back by the next build,
written only when a build added some, and an unreadable file costs nothing but the conversions."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.page.disk_memo import DiskMemo


def test_what_one_build_converts_the_next_reads_back(tmp_path: Path) -> None:
    first = DiskMemo()
    first.use(tmp_path / "cache" / "memo.json")
    first["$x$"] = "<math>x</math>"
    first.save()
    second = DiskMemo()
    second.use(tmp_path / "cache" / "memo.json")
    assert second == {"$x$": "<math>x</math>"}


def test_a_build_that_added_nothing_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "memo.json"
    path.write_text('{"a": "b"}', encoding="utf-8")
    memo = DiskMemo()
    memo.use(path)
    path.write_text('{"a": "b", "written": "by another build"}', encoding="utf-8")
    memo.save()
    assert "written" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("content", ["not json", '["a list"]', '{"a": 1}'])
def test_an_unreadable_file_is_ignored_and_replaced(tmp_path: Path, content: str) -> None:
    path = tmp_path / "memo.json"
    path.write_text(content, encoding="utf-8")
    memo = DiskMemo()
    memo.use(path)
    assert memo == {}
    memo["a"] = "b"
    memo.save()
    assert path.read_text(encoding="utf-8") == '{"a":"b"}'


def test_what_an_earlier_language_build_added_is_written_by_a_later_one(tmp_path: Path) -> None:
    """The languages of one site share the memo, and each build reads the file again before it starts."""
    path = tmp_path / "memo.json"
    memo = DiskMemo()
    memo.use(path)
    memo["english"] = "<p>english</p>"  # the primary build converts, and saves only at its very end
    memo.use(path)  # the nested Korean build starts, converts nothing new, and saves
    memo.save()
    assert "english" in path.read_text(encoding="utf-8")


def test_a_memo_of_pages_keeps_only_what_this_build_used(tmp_path: Path) -> None:
    """Entries keyed by a whole page (its findings, a figure's HTML) are replaced by every edit: the file keeps the
    site as it is, not every version an author saved."""
    path = tmp_path / "memo.json"
    path.write_text('{"page as it was": "old", "page as it is": "kept"}', encoding="utf-8")
    memo = DiskMemo(only_used=True)
    memo.use(path)
    assert memo.get("page as it is") == "kept"
    memo["a new page"] = "new"
    memo.save()
    assert path.read_text(encoding="utf-8") == '{"a new page":"new","page as it is":"kept"}'
