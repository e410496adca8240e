"""Languages are data: a course in three languages builds from configuration, a strings file and a docs folder
alone, and each mistake in declaring a language is one line naming the file, the key and the fix."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.course.mkdocs_file import file_languages
from coursekit.i18n import strings_file
from course_site import REPO, BuildResult, build_site, fixture_course_yml, two_lesson_course, write_fixture_course

URL = "http://127.0.0.1:8000/c/"
THREE = ("en", "ko", "ja")


def japanese_strings() -> str:
    """A complete strings file for ja: the English keys, with the strings a Japanese page names itself by."""
    text = strings_file("en").read_text(encoding="utf-8")
    for english, japanese in (('  language_name: English', '  language_name: 日本語'),
                              ('  lesson_of: "Lesson {number:02d} of {total}"', '  lesson_of: "第{number}課 / 全{total}課"'),
                              ('  previous: Previous lesson', '  previous: 前の課')):
        assert english in text
        text = text.replace(english, japanese)
    return text


def three_language_course(root: Path) -> Path:
    lessons = two_lesson_course()
    lessons["ja"] = {name: text.replace(" en\"", " ja\"").replace("in en.", "in ja. ノイズを少しずつ加える")
                     for name, text in lessons["en"].items()}
    return write_fixture_course(root, lessons, languages=THREE, strings={"ja": japanese_strings()},
                                course_yml=fixture_course_yml(THREE))


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = three_language_course(tmp_path_factory.mktemp("three"))
    result = build_site(root, root / "site", site_url=URL)
    assert result.ok, result.output
    return root / "site"


ROOTS = {"en": "", "ko": "ko/", "ja": "ja/"}


@pytest.mark.parametrize("lang", THREE)
def test_each_language_gets_its_pages_lang_and_search_index(three: Path, lang: str) -> None:
    html = (three / ROOTS[lang] / "lessons/02-second/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    index = json.loads((three / ROOTS[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert any(doc["location"].startswith("lessons/02-second/") for doc in index["docs"])
    assert f"Second {lang}" in html


@pytest.mark.parametrize("lang", THREE)
def test_language_menu_and_hreflang_list_the_same_page_in_all_three(three: Path, lang: str) -> None:
    html = (three / ROOTS[lang] / "lessons/02-second/index.html").read_text(encoding="utf-8")
    hreflang = dict(re.findall(r'<link rel=" alternate" hreflang="([\w-]+)" href="([^"]+)"', html))
    assert hreflang == {**{code: f"{URL}{ROOTS[code]}lessons/02-second/" for code in THREE},
                        "x-default": f"{URL}lessons/02-second/"}
    menu = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" class="md-select__link course-language-link"'
                      r'[^>]*>\s*([^<]+?)\s*</a>', html)
    assert [(code, name) for _, code, name in menu] == [("en", "English"), ("ko", "한국어"), ("ja", "日本語")]


def test_the_japanese_page_speaks_japanese(three: Path) -> None:
    html = (three / "ja/lessons/02-second/index.html").read_text(encoding="utf-8")
    assert "第2課 / 全2課" in html and "前の課" in html


def _build_with(tmp_path: Path, *, languages: tuple[str, ...] = ("en", "ko"), strings: dict[str, str] | None = None,
                course_yml: str | None = None, extra_yml: str = "", mkdocs_edit=None, no_docs: str | None = None,
                content: tuple[str, ...] = ()) -> BuildResult:
    root = write_fixture_course(tmp_path, two_lesson_course(), languages=languages, strings=strings,
                                course_yml=course_yml or fixture_course_yml(("en", "ko")), extra_yml=extra_yml,
                                content=content)
    if mkdocs_edit:
        path = root / "mkdocs.yml"
        path.write_text(mkdocs_edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    if no_docs:
        for path in sorted((root / "docs" / no_docs).rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        (root / "docs" / no_docs).rmdir()
    return build_site(root, tmp_path / "site", site_url=URL)


MISTAKES = {
    "a language without a strings file": (
        dict(languages=("en", "ko", "fr"), course_yml=fixture_course_yml(("en", "ko", "fr"))),
        "mkdocs.yml: plugins.coursekit.languages: 'fr' has no UI strings; add i18n/fr.yml (copy coursekit/i18n/en.yml "
        "and translate every string)"),
    "a language without a docs folder": (
        dict(no_docs="ko"),
        "mkdocs.yml: plugins.coursekit.languages: 'ko' has no docs folder; create docs/ko/ with the pages in that language"),
    "a strings file missing a key": (
        dict(languages=("en", "ko", "ja"), course_yml=fixture_course_yml(THREE),
             strings={"ja": japanese_strings().replace("  next: Next lesson\n", "")}),
        "i18n/ja.yml: site.next: missing; add it (coursekit/i18n/en.yml has every key)"),
    "theme.language not among the languages": (
        dict(mkdocs_edit=lambda text: text.replace("  language: en\n", "  language: de\n")),
        "mkdocs.yml: theme.language: 'de' is not the site's primary language; use one of en, ko, the first one for "
        "the site root"),
    "languages written as a string": (
        dict(mkdocs_edit=lambda text: re.sub(r"languages: \[[^\]]*\]", "languages: en", text)),
        "mkdocs.yml: plugins.coursekit.languages: expected a list such as [en, ko] (one entry per language, the primary "
        "one first), got 'en'"),
    "a tag without a listed language": (
        dict(course_yml=fixture_course_yml(("en", "ko")).replace('probability: {en: "probability en", ko: "probability ko"}',
                                                                 'probability: {en: "probability en"}')),
        "course.yml: tags.probability.ko: missing or empty; write the text in that language"),
    "a series without a listed language": (
        dict(course_yml=fixture_course_yml(("en", "ko")).replace('title: {en: "Lessons en", ko: "Lessons ko"}',
                                                                 'title: {en: "Lessons en"}')),
        "course.yml: series[0] (main).title.ko: missing or empty; write the text in that language"),
    "an achievement without a listed language": (
        dict(course_yml=fixture_course_yml(("en", "ko")).replace('name: {en: "All en", ko: "All ko"}', 'name: {en: "All en"}')),
        "course.yml: achievements[1] (everything).name.ko: missing or empty; write the text in that language"),
}


@pytest.mark.parametrize(("setup", "expected"), MISTAKES.values(), ids=MISTAKES.keys())
def test_each_language_mistake_is_one_line_naming_file_key_and_fix(tmp_path: Path, setup: dict, expected: str) -> None:
    result = _build_with(tmp_path, **setup)
    assert not result.ok
    assert "Traceback" not in result.output, result.output
    assert expected in result.output.splitlines() or f"ERROR   -  {expected}" in result.output.splitlines(), result.output


# The tools that run outside a build (translation record, glossary, authoring commands) read the same list through
# coursekit/course/mkdocs_file.py: MkDocs' tags tolerated, INHERIT followed, the build's checks and messages.

def test_a_config_that_inherits_the_list_gives_the_tools_the_parents_languages(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"INHERIT: {REPO / 'mkdocs.yml'}\nsite_url: !ENV [SITE_URL, 'http://x/']\n",
                                         encoding="utf-8")
    inherited = file_languages(tmp_path / "mkdocs.yml")
    assert inherited == file_languages(REPO / "mkdocs.yml")
    assert [lang.code for lang in inherited][:2] == ["en", "ko"] and inherited[1].words_per_minute == 215


def run_tool(module: str, repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, "--repo", str(repo), *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


TOOL_MISTAKES = {
    "languages written as a string": (
        "site_url: !ENV [SITE_URL, 'http://x/']\nplugins:\n  - coursekit:\n      languages: en\n",
        "mkdocs.yml: plugins.coursekit.languages: expected a list such as [en, ko] (one entry per language, the primary "
        "one first), got 'en'"),
    "an inherited theme.language overridden": (
        f"INHERIT: {REPO / 'mkdocs.yml'}\ntheme:\n  language: ko\n",
        "mkdocs.yml: theme.language: 'ko' is not the site's primary language; set theme.language to 'en' (the first "
        "listed language builds the site root)"),
    "no mkdocs.yml": (None, "mkdocs.yml: cannot be read: "),
}


@pytest.mark.parametrize("module", ["coursekit.translations", "coursekit.glossary"])
@pytest.mark.parametrize(("config", "expected"), TOOL_MISTAKES.values(), ids=TOOL_MISTAKES.keys())
def test_a_language_mistake_stops_the_tools_with_the_builds_one_line(tmp_path: Path, module: str, config: str | None,
                                                                      expected: str) -> None:
    if config is not None:
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    done = run_tool(module, tmp_path, "check")
    assert done.returncode in (1, 2) and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith(expected) and done.stderr.count("\n") == 1, done.stderr
