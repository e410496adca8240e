"""Bilingual editing in real builds of fixture courses: the outdated-translation notice, the build's lines about it,
the glossary page per language, and the warning for an avoided wording."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from course_site import (PROSE_RULES, REPO, build_site, fixture_course_yml, lesson_text, two_lesson_course,
                         write_fixture_course)

SITE_URL = "http://127.0.0.1:8000/course/"
NOTICE = 'data-course-translation="outdated"'


def _record_all(root: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "coursekit.translations", "--repo", str(root), "record", "--all"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _pages_with_notice(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if NOTICE in path.read_text(encoding="utf-8"))


def test_editing_an_english_lesson_puts_the_notice_on_its_translation_only(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path / "course", two_lesson_course())
    _record_all(root)
    source = root / "docs/en/lessons/02-second.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Some prose about lesson 2",
                                                                  "Corrected prose about lesson 2"), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(root, site, site_url=SITE_URL)  # strict: an outdated translation does not stop publishing
    assert result.ok, result.output

    assert _pages_with_notice(site) == ["ko/lessons/02-second/index.html"]
    page = (site / "ko/lessons/02-second/index.html").read_text(encoding="utf-8")
    notice = re.search(r"<aside[^>]*" + NOTICE + r".*?</aside>", page, re.S).group(0)
    assert "원문" in notice  # in the page's own language
    assert 'href="../../../lessons/02-second/"' in notice  # the English source page, from /ko/lessons/02-second/
    assert (site / "lessons/02-second/index.html").is_file()
    lines = [line for line in result.output.splitlines() if "outdated" in line]
    assert len(lines) == 1 and "docs/ko/lessons/02-second.md" in lines[0] and "docs/en/lessons/02-second.md" in lines[0]


def test_rewrapping_the_source_and_recording_the_translation_leave_no_notice(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path / "course", two_lesson_course())
    _record_all(root)
    source = root / "docs/en/lessons/01-first.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Noise is added step by step, and",
                                                                  "Noise is added\nstep by step,   and"),
                      encoding="utf-8")
    site = tmp_path / "site"
    assert build_site(root, site, site_url=SITE_URL).ok
    assert _pages_with_notice(site) == []


def _glossary(avoid_ko: str = "신경망") -> str:
    return textwrap.dedent(f"""\
        terms:
          - id: network
            lesson: second
            en: {{term: network, definition: "The trained model."}}
            ko: {{term: 네트워크, avoid: [{avoid_ko}], definition: "학습된 모델."}}
        notation:
          - {{symbol: "x_t", lesson: first, en: "the noisy image at step t", ko: "스텝 t의 노이즈 낀 이미지"}}
        """)


def test_each_language_gets_a_glossary_page_in_the_nav_linking_terms_to_their_lesson(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path / "course", two_lesson_course())
    (root / "glossary.yml").write_text(_glossary(), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(root, site, site_url=SITE_URL)
    assert result.ok, result.output
    for prefix, title, term, nav in (("", "Glossary and notation", "network", "Glossary"),
                                     ("ko/", "용어집과 기호표", "네트워크", "용어집")):
        page = (site / prefix / "glossary/index.html").read_text(encoding="utf-8")
        assert title in page and f"<strong>{term}</strong>" in page
        assert 'href="../lessons/02-second/"' in page  # the term's lesson, in this language
        assert "<math" in page  # the notation table's symbols are rendered
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="glossary/"[^>]*>\s*(<span[^>]*>\s*)?' + nav, home), "glossary missing from nav"


def test_an_avoided_wording_is_one_warning_line_and_fails_a_strict_build(tmp_path: Path) -> None:
    lessons = two_lesson_course()
    lessons["ko"]["02-second.md"] = lesson_text(id="second", number=2, title="Second ko", lang="ko",
                                                body="신경망이 노이즈를 예측합니다.\n\n"
                                                     "!!! takeaways \"핵심 정리\"\n\n    - 하나.\n\n"
                                                     "!!! links \"더 읽을거리\"\n\n    - [DDPM](https://arxiv.org/abs/2006.11239)\n\n"
                                                     "!!! exercise \"연습 문제\"\n\n    숫자 하나를 적으세요.\n")
    root = write_fixture_course(tmp_path / "course", lessons, course_yml=fixture_course_yml(rules=PROSE_RULES))
    (root / "glossary.yml").write_text(_glossary(), encoding="utf-8")
    result = build_site(root, tmp_path / "site", site_url=SITE_URL)
    assert not result.ok
    warnings = [line for line in result.output.splitlines() if "wording to avoid" in line]
    assert len(warnings) == 1
    assert re.search(r"docs/ko/lessons/02-second\.md:\d+: '신경망' is a wording to avoid; write '네트워크'", warnings[0])
    assert "Traceback" not in result.output


def test_a_glossary_mistake_stops_the_build_with_one_line(tmp_path: Path) -> None:
    root = write_fixture_course(tmp_path / "course", two_lesson_course())
    (root / "glossary.yml").write_text(_glossary().replace("lesson: second", "lesson: third"), encoding="utf-8")
    result = build_site(root, tmp_path / "site", site_url=SITE_URL)
    assert not result.ok and "Traceback" not in result.output
    assert "glossary.yml: terms[0] (network).lesson: 'third' is not a lesson id" in result.output


def _question(prompt: str, right: str, wrong: str) -> str:
    return ("```question\nid: why\nprompt: >-\n  " + prompt + "\nchoices:\n  - text: " + right
            + "\n    correct: true\n    explain: Right.\n  - text: " + wrong + "\n    explain: No.\n```\n\n")


def test_questions_prose_and_the_ui_strings_are_checked_once_each_and_fail_a_strict_build(tmp_path: Path) -> None:
    lessons = two_lesson_course()
    closing = ("!!! takeaways \"핵심 정리\"\n\n    - 하나.\n\n!!! links \"더 읽을거리\"\n\n"
               "    - [DDPM](https://arxiv.org/abs/2006.11239)\n\n!!! exercise \"연습 문제\"\n\n    숫자 하나를 적으세요.\n")
    lessons["en"]["02-second.md"] = lesson_text(id="second", number=2, title="Second", body=(
        "Prose.\n\n" + _question("Why?", "Because.", "No.") + "!!! takeaways \"Key takeaways\"\n\n    - One.\n\n"
        "!!! links \"Further reading\"\n\n    - [DDPM](https://arxiv.org/abs/2006.11239)\n\n"
        "!!! exercise \"Exercise\"\n\n    Write one number.\n"))
    lessons["ko"]["02-second.md"] = lesson_text(id="second", number=2, title="Second ko", lang="ko", body=(
        "선형 스케줄에서 β 가 작습니다.\n\n"                                    # plain math, and a spaced particle
        + _question("DDIM 을 쓰면 무엇이 달라질까요?", "신경망이 같습니다.", "아닙니다.")  # a spaced particle, a variant
        + closing))
    root = write_fixture_course(tmp_path / "course", lessons, course_yml=fixture_course_yml(rules=PROSE_RULES))
    (root / "glossary.yml").write_text(_glossary(), encoding="utf-8")
    (root / "i18n").mkdir()
    strings = (REPO / "generator/coursekit/i18n/ko.yml").read_text(encoding="utf-8")
    (root / "i18n/ko.yml").write_text(strings.replace("  comments: 댓글\n", "  comments: 신경망 댓글\n"), encoding="utf-8")
    result = build_site(root, tmp_path / "site", site_url=SITE_URL)
    assert not result.ok and "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if "WARNING" in line]
    page = "docs/ko/lessons/02-second.md"
    expected = [f"{page}:11: 'β' is math written as plain text",
                f"{page}:11:12: space before the particle '가'",
                f"{page}:16:8: space before the particle '을'",  # the question's prompt
                f"{page}:18: '신경망' is a wording to avoid",  # its first choice
                "i18n/ko.yml:29: '신경망' is a wording to avoid"]  # the course's UI strings, once per build
    for text in expected:
        assert sum(text in line for line in lines) == 1, (text, lines)
    assert sum("신경망" in line for line in lines) == 2  # the lesson's choice and the UI string, each once
