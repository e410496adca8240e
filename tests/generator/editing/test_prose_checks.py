"""A page's prose findings (coursekit/prose_checks.py): the same lines whether scanned or read back from an earlier
build, and a new scan when the page, its checks or the glossary change."""

from __future__ import annotations

from pathlib import Path

from coursekit import prose_checks
from coursekit.glossary.model import parse

PAGE = "---\nid: x\n---\n\nThe network sees x_0 and a 잡음 here.\n"
GLOSSARY = {"terms": [{"id": "noise", "lesson": "x",
                       "en": {"term": "noise", "definition": "What the forward process adds."},
                       "ko": {"term": "노이즈", "definition": "순방향 과정이 더하는 것.", "avoid": ["잡음"]}}]}


def test_findings_read_back_by_the_next_build_are_the_scanned_ones(tmp_path: Path) -> None:
    glossary = parse(GLOSSARY, ("en", "ko"))
    checks = frozenset(prose_checks.CHECKS)
    scanned = prose_checks.scan(PAGE, path="docs/ko/a.md", lang="ko", glossary=glossary, checks=checks)
    assert scanned["terms"] and scanned["plain_math"]  # '잡음', 'x_0'
    prose_checks.use_disk_cache(tmp_path, None)
    first = prose_checks.page_findings(PAGE, path="docs/ko/a.md", lang="ko", glossary=glossary, checks=checks)
    prose_checks.save_disk_cache()
    assert first == scanned
    [memo] = tmp_path.glob("findings-*.json")
    assert "잡음" in memo.read_text(encoding="utf-8")
    prose_checks._remembered.clear()
    prose_checks.use_disk_cache(tmp_path, None)  # a later build reads them back
    assert prose_checks.page_findings(PAGE, path="docs/ko/a.md", lang="ko", glossary=glossary,
                                      checks=checks) == scanned


def test_a_page_checked_with_fewer_rules_or_edited_is_scanned_again(tmp_path: Path) -> None:
    glossary = parse(GLOSSARY, ("en", "ko"))
    prose_checks.use_disk_cache(tmp_path, None)
    everything = frozenset(prose_checks.CHECKS)
    assert prose_checks.page_findings(PAGE, path="p.md", lang="ko", glossary=glossary, checks=everything)["terms"]
    only_math = prose_checks.page_findings(PAGE, path="p.md", lang="ko", glossary=glossary,
                                           checks=frozenset({"plain_math"}))
    assert set(only_math) == {"plain_math"}
    edited = PAGE.replace("잡음", "노이즈")
    assert prose_checks.page_findings(edited, path="p.md", lang="ko", glossary=glossary,
                                      checks=everything)["terms"] == []
