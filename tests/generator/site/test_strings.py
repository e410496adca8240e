"""Every UI string exists in every language the generator ships, and a course's own strings file is checked alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.i18n import StringsError, check_strings_file, load_strings, shipped_languages, strings_file
from coursekit.i18n.plural import COUNTED, choose


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


PLURAL_CASES = {
    "English one and other": ("en", '{one: "{n} exercise", other: "{n} exercises"}', ()),
    "Korean other only": ("ko", '{other: "연습 {n}개"}', ()),
    "no other": ("en", '{one: "{n} exercise"}',
                 ("i18n/en.yml: progress.change_exercises: plural forms need 'other' (the form for any number)",)),
    "a form the language never uses is harmless": ("ja", '{one: "{n} exercise", other: "{n} exercises"}', ()),
    "not a category": ("en", '{single: "{n} exercise", other: "{n} exercises"}',
                       ("i18n/en.yml: progress.change_exercises: 'single' is not a plural category; use zero, one, "
                        "two, few, many, other",)),
}


@pytest.mark.parametrize("case", PLURAL_CASES)
def test_plural_forms_are_accepted_and_need_other(tmp_path: Path, case: str) -> None:
    lang, forms, expected = PLURAL_CASES[case]
    text = (strings_file(lang) or strings_file("en")).read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("  change_exercises:"))
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / f"{lang}.yml").write_text(text.replace(old, f"  change_exercises: {forms}"), encoding="utf-8")
    if not expected:
        check_strings_file(strings_file(lang, tmp_path), tmp_path)
        return
    with pytest.raises(StringsError) as caught:
        check_strings_file(strings_file(lang, tmp_path), tmp_path)
    assert caught.value.problems == expected


def test_plural_forms_on_a_string_without_a_count_are_refused(tmp_path: Path) -> None:
    text = strings_file("en").read_text(encoding="utf-8")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "en.yml").write_text(text.replace("  home: Home\n", "  home: {one: Home, other: Homes}\n"),
                                              encoding="utf-8")
    with pytest.raises(StringsError) as caught:
        check_strings_file(strings_file("en", tmp_path), tmp_path)
    [problem] = caught.value.problems
    assert problem.startswith("i18n/en.yml: site.home: plural forms are only for strings with a count (")
    assert problem.endswith("); write one text")


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("en", 1, "Self-check: 1 question, none answered yet"),
    ("en", 2, "Self-check: 2 questions, none answered yet"),
    ("en", 0, "Self-check: 0 questions, none answered yet"),
])
def test_the_build_picks_the_same_forms_as_the_browser(lang: str, count: int, expected: str) -> None:
    assert choose(load_strings(lang)["progress"]["mastery_new"], count, lang).format(total=count) == expected


def test_every_counted_key_exists_and_has_its_count_placeholder_in_every_language() -> None:
    for lang in shipped_languages():
        strings = load_strings(lang)
        for section, keys in COUNTED.items():
            for key, placeholder in keys.items():
                value = strings[section][key]
                for text in value.values() if isinstance(value, dict) else [value]:
                    assert "{" + placeholder in text, f"{lang}: {section}.{key}: {text!r} lacks {{{placeholder}}}"
