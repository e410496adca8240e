"""Every UI string the generator ships (generator/coursekit/i18n/*.yml) is read by the generator's own code
(test_strings.py checks every language has them all). A string nobody reads still has to be translated and kept in
step; one the code asks for but a language lacks shows the reader a gap. How a key counts as used:
tests/strings_usage.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from coursekit.i18n import load_strings, shipped_languages
from strings_usage import is_used, read_sources, unused

GENERATOR = Path(__file__).resolve().parents[3] / "generator" / "coursekit"


@lru_cache(maxsize=1)
def sources() -> str:
    return read_sources([*GENERATOR.rglob("*.html"), *GENERATOR.rglob("*.js"), *GENERATOR.rglob("*.py")])




@pytest.mark.parametrize("lang", shipped_languages())
def test_every_ui_string_is_used(lang: str) -> None:
    found = unused(load_strings(lang), sources())
    assert not found, f"coursekit/i18n/{lang}.yml: strings no code reads (delete them): {found}"


@pytest.mark.parametrize(("path", "code", "expected"), [
    ("pager", '<nav aria-label="{{ s.pager }}">', True),
    ("pager", '<nav aria-label="{{ s.pagers }}">', False),
    ("forward.row", 's("forward.row", schedule=x)', True),
    ("forward.row", 's("forward.alt")', False),
    ("schedule_names.cosine", 's(f"schedule_names.{name}")', True),
    ("levels.beginner", 'strings["levels"][lesson.level]', True),
    ("levels.beginner", 'strings["levels"]["advanced"]', False),
    ("xp", "t('xp')", True),
    ("err_json", "t(`err_${r.error}`)", True),
    ("err_json", "t(`notice_${kind}`)", False),
    ("reverse_posterior.legend_grid", 's(f"reverse_posterior.legend_{k}")', True),
    ("reverse_posterior.legend_grid", 's(f"reverse_posterior.title_{k}")', False),
])
def test_the_usage_rule_sees_use_and_its_absence(path: str, code: str, expected: bool) -> None:
    assert is_used(path, code) is expected
