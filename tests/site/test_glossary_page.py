"""This course's glossary page, built from its glossary.yml in every language."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("lang_root", ["", "ko/"])
def test_the_real_site_has_a_glossary_page(built_site: Path, lang_root: str) -> None:
    page = (built_site / lang_root / "glossary/index.html").read_text(encoding="utf-8")
    assert page.count("<tr>") > 40  # every term and symbol
