"""glossary.yml: the repository's own file is valid and complete; mistakes give one line naming file, key and fix;
avoided wordings are found in prose only; the page lists every term with its lesson and every symbol."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from coursekit.glossary.lessons import lesson_links
from coursekit.glossary.model import GlossaryError, load, parse
from coursekit.glossary.render import render_page
from coursekit.glossary.variants import find_variants, find_variants_in_strings
from coursekit.i18n import load_strings
from course_site import site_languages

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = tuple(site_languages())


@pytest.fixture(scope="module")
def glossary():
    return load(REPO / "glossary.yml", LANGUAGES, set(lesson_links(REPO / "docs" / LANGUAGES[0])))


def test_the_course_glossary_is_valid_and_no_lesson_uses_an_avoided_wording() -> None:
    done = subprocess.run([sys.executable, "-m", "coursekit.glossary", "check"], cwd=REPO, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_symbol_with_several_meanings_says_which_is_which(glossary) -> None:
    by_symbol: dict[str, list[str]] = {}
    for symbol in glossary.notation:
        by_symbol.setdefault(symbol.symbol, []).append(symbol.meaning[LANGUAGES[0]])
    assert len(by_symbol["s"]) >= 3 and len(by_symbol["\\sigma_t"]) == 2
    for meanings in by_symbol.values():
        if len(meanings) > 1:  # each row says "(k of n)", n counting the letter's decorated forms (s², s_θ) too
            labels = [re.match(r"\((\d+) of (\d+)\)", meaning) for meaning in meanings]
            assert all(labels) and all(int(m.group(2)) >= len(meanings) for m in labels), meanings
            assert len({m.group(1) for m in labels}) == len(meanings), meanings


def _entry(**changes):
    entry = {"id": "denoiser", "lesson": "diffusion-intuition",
             "en": {"term": "denoiser", "definition": "Predicts the noise."},
             "ko": {"term": "디노이저", "definition": "노이즈를 예측합니다."}}
    entry.update(changes)
    return entry


@pytest.mark.parametrize(("terms", "expected"), [
    ([_entry(ko={"term": "디노이저"})],
     "glossary.yml: terms[0] (denoiser).ko.definition: expected one line; write a one-line definition in ko"),
    ([_entry(lesson="no-such-lesson")],
     "glossary.yml: terms[0] (denoiser).lesson: 'no-such-lesson' is not a lesson id; use a lesson's front-matter id"),
    ([_entry(), _entry()], "glossary.yml: terms (denoiser).id: used twice; give each term its own id"),
    ([_entry(id="Denoiser")], "glossary.yml: terms[0].id: expected a kebab-case id such as 'noise-schedule'"),
    ([_entry(), _entry(id="network", en={"term": "network", "definition": "x"},
                       ko={"term": "네트워크", "definition": "x", "avoid": ["디노이저"]})],
     "glossary.yml: terms (network).ko.avoid: '디노이저' is the preferred term of 'denoiser'; remove it from one"),
    ([_entry(fr={"term": "débruiteur"})], "glossary.yml: terms[0] (denoiser).fr: unknown key; use id, lesson, or a"),
])
def test_a_mistake_is_one_line_naming_the_file_the_key_and_the_fix(terms, expected) -> None:
    with pytest.raises(GlossaryError) as error:
        parse({"terms": terms, "notation": []}, LANGUAGES, {"diffusion-intuition"})
    assert any(line.startswith(expected) for line in error.value.problems), error.value.problems
    assert all("\n" not in line for line in error.value.problems)


def test_a_broken_file_fails_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - coursekit:\n      languages: [en, ko]\n")
    (tmp_path / "glossary.yml").write_text("terms:\n  - id: x\n   lesson: y\n")
    done = subprocess.run([sys.executable, "-m", "coursekit.glossary", "--repo", str(tmp_path), "check"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip().startswith("glossary.yml: not valid YAML at line 3")
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_avoided_wordings_are_found_in_prose_and_captions_only(glossary) -> None:
    text = "\n".join([
        "---", "title: 신경망", "---",
        "신경망이 노이즈를 예측합니다.",               # 4: flagged
        "`신경망` 과 $신경망$ 은 코드와 수식입니다.",     # 5: not prose
        "그는 \"신경망\"이라고 불렀습니다.",            # 6: a quotation
        "> 신경망은 인용문 안에 있습니다.",             # 7: a block quotation
        "신호 대 잡음비는 잡음이라는 말을 품습니다.",     # 8: 잡음 flagged once, not inside 신호 대 잡음비
        "```figure", "kind: steps", "caption: 텍스처가 보입니다.", "```",   # 11: the caption is prose
        "```python", "x = '신경망'", "```",
    ])
    found = [(use.line, use.variant, use.preferred) for use in find_variants(text, glossary, "ko")]
    assert found == [(4, "신경망", "네트워크"), (8, "잡음", "노이즈"), (11, "텍스처", "질감")]


@pytest.mark.parametrize("text, line", [
    ("```question\nid: why\nprompt: 신경망은 무엇을 할까요?\nchoices: []\n```\n", 3),  # a prompt
    ("```question\nid: why\nprompt: >-\n  무엇이\n  달라질까요? 학습된 신경망은\n```\n", 5),  # a folded prompt
    ("```question\nid: why\nchoices:\n  - text: \"신경망이 외웁니다.\"\n    explain: 아닙니다.\n```\n", 4),
    ("```question\nid: why\nchoices:\n  - text: 아닙니다.\n    explain: >-\n      신경망은 답을 찾아볼 수 없습니다.\n```\n", 6),
    ("```question\nid: why\nanswer: 3\ntolerance: 1\nexplain: 답은 {answer}, 신경망의 몫입니다.\n```\n", 5),
    ('!!! note "신경망의 용량"\n\n    본문입니다.\n', 1),  # an admonition's title is not a quotation
    ('    ??? answer "신경망 풀이"\n', 1),
    ("이 신호는 노이즈\n이미지에 묻힙니다.\n", 1),  # a wording wrapped onto the next line
])
def test_question_blocks_admonition_titles_and_wrapped_wordings_are_checked(glossary, text: str, line: int) -> None:
    assert [use.line for use in find_variants(text, glossary, "ko")] == [line]


def test_question_keys_ids_and_code_are_not_prose(glossary) -> None:
    text = "```question\nid: 신경망\nprompt: 무엇일까요? `신경망`\nanswer: {compute: 신경망}\ntolerance: 1\nexplain: 네.\n```\n"
    assert find_variants(text, glossary, "ko") == []


def test_the_ui_strings_file_is_checked_value_by_value_with_its_lines(glossary) -> None:
    text = "site:\n  # 신경망: 주석은 읽지 않습니다\n  ok: 네트워크\n  bad: \"학습된 신경망\"\n  pair: {en: x, ko: 신경망}\n"
    assert [(use.line, use.variant) for use in find_variants_in_strings(text, glossary, "ko")] == [
        (4, "신경망"), (5, "신경망")]


def test_english_variants_match_whole_words_in_any_case(glossary) -> None:
    text = "Memorisation is the optimum.\nThe memorisations and memorization-free models.\n"
    assert [(u.line, u.column) for u in find_variants(text, glossary, "en")] == [(1, 1)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_lists_every_term_with_its_lesson_link_and_every_symbol(glossary, lang: str) -> None:
    lessons = lesson_links(REPO / "docs" / lang)
    names = {other: load_strings(other)["site"]["language_name"] for other in LANGUAGES}
    page = render_page(glossary, lang, load_strings(lang)["glossary"], lessons, names)
    rows = [line for line in page.splitlines() if line.startswith("| **")]
    assert len(rows) == len(glossary.terms)
    for term in glossary.terms:
        row = next(r for r in rows if r.startswith(f"| **{term.text[lang].term}** |"))
        assert f"]({lessons[term.lesson].path})" in row
        for other in LANGUAGES:
            assert term.text[other].term in row
    symbol_rows = [line for line in page.splitlines() if line.startswith("| $")]
    assert len(symbol_rows) == len(glossary.notation)
    assert all("\\|" in row or "|" not in row.split("$")[1] for row in symbol_rows)


def _strings_in(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings_in(value)
    elif isinstance(data, str):
        yield data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ui_strings_and_course_labels_use_the_glossary_wording(glossary, lang: str) -> None:
    course = yaml.safe_load((REPO / "course.yml").read_text(encoding="utf-8"))
    localized = [entry[lang] for entry in _dicts(course) if isinstance(entry.get(lang), str)]
    texts = [*_strings_in(load_strings(lang)), *localized]
    found = [(text, use.variant) for text in texts for use in find_variants(text, glossary, lang)]
    assert not found, found


def _dicts(data):
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _dicts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _dicts(value)
