"""Every UI string exists in every language the generator ships, and a course's own strings file is checked alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.i18n import StringsError, check_strings_file, shipped_languages, strings_file


@pytest.mark.parametrize("lang", shipped_languages())
def test_every_shipped_language_has_every_key_and_no_empty_string(lang: str) -> None:
    check_strings_file(strings_file(lang))  # raises, naming each missing or empty key


def test_a_missing_or_empty_key_is_one_line_naming_file_and_key(tmp_path: Path) -> None:
    english = strings_file("en").read_text(encoding="utf-8")
    (tmp_path / "i18n").mkdir()
    broken = english.replace('  lesson_of: "Lesson {number:02d} of {total}"\n', "").replace(
        "  comments: Comments\n", "  comments: ''\n")
    (tmp_path / "i18n" / "ja.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(StringsError) as caught:
        check_strings_file(strings_file("ja", tmp_path), tmp_path)
    assert caught.value.problems == (
        "i18n/ja.yml: site.lesson_of: missing; add it (coursekit/i18n/en.yml has every key)",
        "i18n/ja.yml: site.comments: empty; write the text",
    )


def test_a_course_file_is_used_instead_of_the_shipped_one(tmp_path: Path) -> None:
    assert strings_file("ko", tmp_path) == strings_file("ko")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "ko.yml").write_text("site: {}\n", encoding="utf-8")
    assert strings_file("ko", tmp_path) == tmp_path / "i18n" / "ko.yml"
    assert strings_file("xx", tmp_path) is None
