"""Every UI string this course adds (its figure captions, build_hooks/i18n/*.yml) is read by the course's own code;
how a key counts as used: tests/strings_usage.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from strings_usage import read_sources, unused

COURSE = Path(__file__).resolve().parents[2] / "build_hooks"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_string_the_course_adds_is_used(lang: str) -> None:
    strings = yaml.safe_load((COURSE / "i18n" / f"{lang}.yml").read_text(encoding="utf-8"))
    found = unused(strings, read_sources([*COURSE.rglob("*.py"), *COURSE.rglob("*.js")]))
    assert not found, f"build_hooks/i18n/{lang}.yml: strings no code reads (delete them): {found}"
